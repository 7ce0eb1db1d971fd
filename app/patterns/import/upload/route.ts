import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ownLearnerId } from "@/lib/auth/access";
import { applyImport, IMPORT_LIMITS, planImport, readUpload } from "@/lib/library/import";
import { checkUploadLength } from "@/lib/security/body-limits";

/**
 * POST multipart: `files` (one zip, one exported playbook file, or a folder's files named by
 * their relative paths) and `step` = check | apply; apply also takes `fingerprint` from the
 * check and `keep` (kind:slug of conflicts to leave as they are). Answers with JSON.
 */
export async function POST(request: Request) {
  const signedIn = await currentUser();
  if (!signedIn) return new AppError("unauthenticated", "Sign in first.").toResponse();
  try {
    const learnerId = ownLearnerId(signedIn);
    checkUploadLength(request, IMPORT_LIMITS.uploadBytes, "files");
    const form = await request.formData().catch(() => {
      throw new AppError("invalid", "Send the files as multipart form data.", { files: "no files received" });
    });
    const uploads = await Promise.all(
      form
        .getAll("files")
        .filter((value): value is File => value instanceof File && value.size > 0)
        .map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    const parsed = await readUpload(uploads);
    const plan = await planImport(learnerId, parsed);
    if (form.get("step") !== "apply") return Response.json({ plan });
    if (plan.problems.length > 0)
      return Response.json(
        { plan, error: { code: "invalid", message: "Nothing was imported: fix the files named below first." } },
        { status: 400 },
      );
    const result = await applyImport(signedIn.asLearner, learnerId, parsed, {
      fingerprint: String(form.get("fingerprint") ?? ""),
      keep: form.getAll("keep").map(String),
    });
    return Response.json({ plan, result });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
