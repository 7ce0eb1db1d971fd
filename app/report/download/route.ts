import { download } from "@/lib/downloads";
import { reportSubject } from "@/lib/report/access";
import { statusUpdateFileName, statusUpdateMarkdown } from "@/lib/report/status-update";

/** The status update as a Markdown file, for the chosen learner in their program. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const subject = await reportSubject(signedIn, query.learner);
    const now = new Date();
    return {
      body: await statusUpdateMarkdown(subject.learnerId, subject.programSlug, now),
      type: "text/markdown; charset=utf-8",
      filename: statusUpdateFileName(subject.learnerName, now),
    };
  });
}
