import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { reportSubject } from "@/lib/report/access";
import { statusUpdateFileName, statusUpdateMarkdown } from "@/lib/report/status-update";

/** The status update as a Markdown file, for the chosen learner in their program. */
export async function GET(request: Request) {
  const signedIn = await currentUser();
  if (!signedIn) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  try {
    const subject = await reportSubject(signedIn, new URL(request.url).searchParams.get("learner") ?? undefined);
    const now = new Date();
    return new Response(await statusUpdateMarkdown(subject.learnerId, subject.programSlug, now), {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${statusUpdateFileName(subject.learnerName, now)}"`,
      },
    });
  } catch (error) {
    if (error instanceof AppError) return Response.json(error.toJSON(), { status: error.status });
    throw error;
  }
}
