import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { applyImport, planImport, readUpload } from "@/lib/library/import";

export const POST = handle(API.applyLibraryImport, async ({ caller, body }) => {
  const parsed = await readUpload([body.upload]);
  const plan = await planImport(caller.learner.id, parsed);
  const result = await applyImport(caller.actor, caller.learner.id, parsed, { fingerprint: body.fingerprint, keep: body.keep });
  return { plan, result };
});
