import { handle } from "@/lib/agent/handler";
import { patternJson } from "@/lib/agent/library";
import { API } from "@/lib/agent/routes";
import { setPatternArchived } from "@/lib/library/patterns";

export const POST = handle(API.archivePattern, async ({ caller, params, body }) => ({
  pattern: await patternJson(await setPatternArchived(caller.actor, caller.learner.id, params.slug, body.archived)),
}));
