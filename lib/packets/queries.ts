// Read models for pages: a learner's packets with their evidence, proofs, reviews and comments.
import { db } from "../db";
import type { Remediation, RubricScores } from "../rubric/rubric";
import type { Proof } from "./proof";

export async function learnerPackets(learnerId: string) {
  const client = await db();
  const packets = await client.packet.findMany({ where: { learnerId }, orderBy: [{ moduleNumber: "asc" }, { attempt: "asc" }] });
  const current = new Map<number, (typeof packets)[number]>();
  for (const packet of packets) current.set(packet.moduleNumber, packet);
  return { all: packets, current };
}

export type EvidenceRow = Awaited<ReturnType<typeof packetDetail>>["evidence"][number];

export async function packetDetail(packetId: string) {
  const client = await db();
  const packet = await client.packet.findUniqueOrThrow({ where: { id: packetId }, include: { learner: true } });
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
    proofs: proofs.map((p) => ({ ...p, proof: JSON.parse(p.data) as Proof })),
    reviews: reviews.map((r) => ({
      ...r,
      scoresParsed: JSON.parse(r.scores) as RubricScores,
      remarksParsed: JSON.parse(r.remarks) as Record<string, string>,
      remediationParsed: r.remediation ? (JSON.parse(r.remediation) as Remediation) : null,
      seen: JSON.parse(r.evidenceSeen) as string[],
    })),
    comments,
  };
}
export type PacketDetail = Awaited<ReturnType<typeof packetDetail>>;
