import { download } from "@/lib/downloads";
import { libraryFor } from "@/lib/library/access";
import { exportChoice, exportFileName, exportPlaybookMarkdown } from "@/lib/library/export";

/** The playbook with the patterns it links, as one Markdown file, as the export form chose. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const owner = await libraryFor(signedIn, query.learner);
    return {
      body: await exportPlaybookMarkdown(owner.learnerId, exportChoice(query)),
      type: "text/markdown; charset=utf-8",
      filename: exportFileName(owner.learnerName, "md"),
    };
  });
}
