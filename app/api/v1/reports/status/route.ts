import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { statusUpdateMarkdown } from "@/lib/report/status-update";

export const GET = handle(API.statusReport, async ({ caller }) => statusUpdateMarkdown(caller.learner.id, caller.learner.programSlug, new Date()));
