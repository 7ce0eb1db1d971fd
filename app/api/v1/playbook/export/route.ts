import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { exportPlaybookMarkdown } from "@/lib/library/export";

export const GET = handle(API.exportPlaybook, async ({ caller }) => exportPlaybookMarkdown(caller.learner.id));
