import { handle } from "@/lib/agent/handler";
import { entryJson, entryOf, updateEntryFields } from "@/lib/agent/library";
import { API } from "@/lib/agent/routes";

export const GET = handle(API.getEntry, async ({ caller, params }) => ({ entry: await entryJson(await entryOf(caller, params.slug)) }));

export const POST = handle(API.updateEntry, async ({ caller, params, body }) => updateEntryFields(caller, params.slug, body));
