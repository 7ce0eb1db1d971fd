// The packet page's evidence form sent by script, so that a file upload can show its progress:
// the same action as the form's, answering its form state as JSON.
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "@/lib/files";
import type { FormState } from "@/lib/forms";
import { checkUploadLength } from "@/lib/security/body-limits";
import { evidenceAction } from "../actions";

export async function POST(request: Request) {
  try {
    checkUploadLength(request, MAX_FILE_BYTES, "file");
    const form = await request.formData().catch(() => {
      throw new AppError("invalid", "Send the evidence as multipart form data.", { file: "no file received" });
    });
    return Response.json(await evidenceAction({}, form));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const state: FormState = { message: error.message, fieldErrors: error.fieldErrors };
    return Response.json(state, { status: error.status });
  }
}
