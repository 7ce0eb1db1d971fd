// Downloads of a learner's data as route handlers: signed in, allowed to read that learner,
// always an attachment; refusals answer in the API's JSON error shape.
import { currentUser, type SignedIn } from "./auth/session";
import { AppError } from "./errors";

export type Download = { body: string | Uint8Array; type: string; filename: string };

function safeFilename(name: string): string {
  return name.replace(/[^\w.-]/g, "_");
}

export async function download(
  request: Request,
  build: (signedIn: SignedIn, query: Record<string, string>) => Promise<Download>,
): Promise<Response> {
  try {
    const signedIn = await currentUser();
    if (!signedIn) throw new AppError("unauthenticated", "Sign in first.");
    const file = await build(signedIn, Object.fromEntries(new URL(request.url).searchParams));
    return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: {
        "content-type": file.type,
        "content-disposition": `attachment; filename="${safeFilename(file.filename)}"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
