import { handle } from "@/lib/agent/handler";
import { patternJson, patternOf, updatePatternFields } from "@/lib/agent/library";
import { API } from "@/lib/agent/routes";

export const GET = handle(API.getPattern, async ({ caller, params }) => ({ pattern: await patternJson(await patternOf(caller, params.slug)) }));

export const POST = handle(API.updatePattern, async ({ caller, params, body }) => updatePatternFields(caller, params.slug, body));
