// Read models for pages: a learner's packets with their evidence, proofs, reviews and comments.
import { db } from "../db";
import { reviewColumns } from "../reviews/stored";
import { ProofSchema } from "./proof";

export async function packetDetail(packetId: string) {
  const client = await db();
  const packet = await client.packet.findUnique({ where: { id: packetId }, include: { learner: true } });
  if (!packet) return null;
  const [evidence, proofs, reviews, comments] = await Promise.all([
    client.evidence.findMany({ where: { packetId }, orderBy: [{ createdAt: "asc" }, { version: "asc" }] }),
    client.completionProof.findMany({ where: { packetId }, orderBy: { createdAt: "asc" } }),
    client.review.findMany({ where: { packetId }, orderBy: { createdAt: "asc" } }),
    client.reviewComment.findMany({ where: { packetId }, include: { resolution: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const items = new Map<string, typeof evidence>();
  for (const row of evidence) items.set(row.itemKey, [...(items.get(row.itemKey) ?? []), row]);
  return {
    packet,
    evidence,
    /** Each item with its versions, oldest first. */
    items: [...items.entries()].map(([key, versions]) => ({ key, versions, latest: versions.at(-1)! })),
    proofs: proofs.map((p) => ({ ...p, proof: ProofSchema.parse(p.data) })),
    reviews: reviews.map((r) => ({ ...r, ...reviewColumns(r) })),
    comments,
  };
}
export type PacketDetail = NonNullable<Awaited<ReturnType<typeof packetDetail>>>;
