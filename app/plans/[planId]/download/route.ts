import { download } from "@/lib/downloads";
import { AppError } from "@/lib/errors";
import { planFileName } from "@/lib/execplans/links";
import { readablePlan, revisionText } from "@/lib/execplans/queries";

/** A plan revision (the latest unless ?revision=N) as one Markdown file, as saved. */
export async function GET(request: Request, { params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  return download(request, async (signedIn, query) => {
    const plan = await readablePlan(signedIn, planId);
    const number = query.revision === undefined ? plan.latest.number : Number(query.revision);
    const revision = plan.revisions.find((r) => r.number === number);
    if (!revision) throw new AppError("not-found", `The plan has no revision ${query.revision}.`, { revision: "unknown revision" });
    const text = await revisionText(plan.id, number);
    if (text === null) throw new AppError("not-found", `The plan has no revision ${number}.`, { revision: "unknown revision" });
    return { body: text, type: "text/markdown; charset=utf-8", filename: planFileName(revision.title, number) };
  });
}
