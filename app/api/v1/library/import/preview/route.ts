import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { planImport, readUpload } from "@/lib/library/import";

export const POST = handle(API.previewLibraryImport, async ({ caller, body }) => ({
  plan: await planImport(caller.learner.id, await readUpload([body.upload])),
}));
