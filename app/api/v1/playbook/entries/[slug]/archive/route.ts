import { handle } from "@/lib/agent/handler";
import { entryJson } from "@/lib/agent/library";
import { API } from "@/lib/agent/routes";
import { setEntryArchived } from "@/lib/library/playbook";

export const POST = handle(API.archiveEntry, async ({ caller, params, body }) => ({
  entry: await entryJson(await setEntryArchived(caller.actor, caller.learner.id, params.slug, body.archived)),
}));
