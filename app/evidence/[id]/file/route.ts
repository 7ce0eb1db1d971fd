import { readFile } from "node:fs/promises";
import path from "node:path";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { filesDir } from "@/lib/packets/evidence";

/** Downloads one version of a file artifact: its learner and reviewers only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const signedIn = await currentUser();
  if (!signedIn) return Response.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  const { id } = await params;
  const row = await (await db()).evidence.findUnique({ where: { id }, include: { packet: { include: { learner: true } } } });
  if (!row?.filePath) return Response.json({ error: { code: "not-found", message: "No such file.", fields: { id: "unknown file" } } }, { status: 404 });
  if (signedIn.user.role !== "reviewer" && row.packet.learner.ownerId !== signedIn.user.id) {
    return Response.json({ error: { code: "forbidden", message: "This file belongs to another learner." } }, { status: 403 });
  }
  const bytes = await readFile(path.join(filesDir(), row.filePath));
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${(row.fileName ?? "file").replace(/[^\w.-]/g, "_")}"`,
      "x-content-type-options": "nosniff",
    },
  });
}
