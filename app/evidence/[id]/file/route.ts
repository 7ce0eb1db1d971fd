import { db } from "@/lib/db";
import { download } from "@/lib/downloads";
import { AppError } from "@/lib/errors";
import { readStoredFile } from "@/lib/files";

/** Downloads one version of a file artifact, as an inert attachment: its learner and reviewers only (to anyone else it does not exist). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return download(request, async (signedIn) => {
    const row = await (await db()).evidence.findUnique({ where: { id }, include: { packet: { include: { learner: true } } } });
    if (!row?.sha256 || (signedIn.user.role !== "reviewer" && row.packet.learner.ownerId !== signedIn.user.id)) {
      throw new AppError("not-found", "No such file.", { id: "unknown file" });
    }
    return { body: await readStoredFile(row.sha256), type: "application/octet-stream", filename: row.fileName ?? "file" };
  });
}
