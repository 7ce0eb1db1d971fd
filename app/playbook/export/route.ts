import { download } from "@/lib/downloads";
import { libraryFor } from "@/lib/library/access";
import { exportFileName, exportPlaybookMarkdown } from "@/lib/library/export";

/** The playbook with the patterns it links, as one Markdown file. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const owner = await libraryFor(signedIn, query.learner);
    return { body: await exportPlaybookMarkdown(owner.learnerId), type: "text/markdown; charset=utf-8", filename: exportFileName(owner.learnerName, "md") };
  });
}
