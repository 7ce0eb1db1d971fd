import { libraryDownload } from "@/lib/library/download";
import { exportFileName, exportPlaybookMarkdown } from "@/lib/library/export";

/** The playbook with the patterns it links, as one Markdown file. */
export async function GET(request: Request) {
  return libraryDownload(request, async (owner) => {
    return new Response(await exportPlaybookMarkdown(owner.learnerId), {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(owner.learnerName, "md")}"`,
      },
    });
  });
}
