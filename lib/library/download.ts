// The answer to a library download: the signed-in person's readable library (`?learner=` for a
// reviewer), or a JSON error with the right status.
import { currentUser } from "../auth/session";
import { AppError } from "../errors";
import { type LibraryOwner, libraryFor } from "./access";

export async function libraryDownload(request: Request, respond: (owner: LibraryOwner) => Promise<Response>): Promise<Response> {
  const signedIn = await currentUser();
  if (!signedIn) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  try {
    return await respond(await libraryFor(signedIn, new URL(request.url).searchParams.get("learner") ?? undefined));
  } catch (error) {
    if (error instanceof AppError) return Response.json(error.toJSON(), { status: error.status });
    throw error;
  }
}
