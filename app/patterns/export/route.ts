import { download } from "@/lib/downloads";
import { libraryFor } from "@/lib/library/access";
import { exportChoice, exportFileName, exportLibraryZip } from "@/lib/library/export";

/** The whole library as a zip of docs/patterns/<category>/<slug>.md and docs/playbook/*.md, as the export form chose. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const owner = await libraryFor(signedIn, query.learner);
    return {
      body: await exportLibraryZip(owner.learnerId, exportChoice(query)),
      type: "application/zip",
      filename: exportFileName(owner.learnerName, "zip"),
    };
  });
}
