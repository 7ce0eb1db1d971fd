import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { planFileName } from "@/lib/execplans/links";
import { readablePlan, revisionText } from "@/lib/execplans/queries";

/** A plan revision (the latest unless ?revision=N) as one Markdown file, as saved. */
export async function GET(request: Request, { params }: { params: Promise<{ planId: string }> }) {
  const signedIn = await currentUser();
  if (!signedIn) return Response.json(new AppError("unauthenticated", "Sign in first.").toJSON(), { status: 401 });
  try {
    const plan = await readablePlan(signedIn, (await params).planId);
    const asked = new URL(request.url).searchParams.get("revision");
    const number = asked === null ? plan.latest.number : Number(asked);
    const revision = plan.revisions.find((r) => r.number === number);
    if (!revision) throw new AppError("not-found", `The plan has no revision ${asked}.`, { revision: "unknown revision" });
    return new Response(await revisionText(plan.id, number), {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${planFileName(revision.title, number)}"`,
      },
    });
  } catch (error) {
    if (error instanceof AppError) return Response.json(error.toJSON(), { status: error.status });
    throw error;
  }
}
