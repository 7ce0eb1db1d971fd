import { download } from "@/lib/downloads";
import { readEvidenceFile } from "@/lib/packets/evidence";

/** Downloads one version of a file artifact, as an inert attachment: its learner and reviewers only (to anyone else it does not exist). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return download(request, async (signedIn) => {
    const file = await readEvidenceFile(signedIn, id);
    return { body: file.bytes, type: "application/octet-stream", filename: file.fileName };
  });
}
