import { download } from "@/lib/downloads";
import { requireViewedLearner } from "@/lib/auth/access";
import { learnerTimeZone } from "@/lib/auth/people";
import { statusUpdateFileName, statusUpdateMarkdown } from "@/lib/report/status-update";

/** The status update as a Markdown file, for the chosen learner in their program. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const subject = await requireViewedLearner(signedIn, query.learner);
    const now = new Date();
    return {
      body: await statusUpdateMarkdown(subject.id, subject.programSlug, now),
      type: "text/markdown; charset=utf-8",
      filename: statusUpdateFileName(subject.name, now, await learnerTimeZone(subject.id)),
    };
  });
}
