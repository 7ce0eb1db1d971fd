import { libraryDownload } from "@/lib/library/download";
import { exportFileName, exportLibraryZip } from "@/lib/library/export";

/** The whole library as a zip of docs/patterns/<category>/<slug>.md and docs/playbook/*.md. */
export async function GET(request: Request) {
  return libraryDownload(request, async (owner) => {
    const zip = await exportLibraryZip(owner.learnerId);
    return new Response(new Uint8Array(zip), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${exportFileName(owner.learnerName, "zip")}"`,
      },
    });
  });
}
