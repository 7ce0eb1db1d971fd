// Read models for pages and the API: a learner's packets with their evidence, proofs, reviews and
// comments; the latest attempt of each module with whether its verdict was a rejection; the
// learner's progress in their program.
import type { Program } from "../content";
import { db } from "../db";
import { latestVerdict } from "../reviews/history";
import { isImportedCompletion } from "./imported";
import { type NextStep, nextStep } from "./next-step";
import { feedbackChecklist } from "../reviews/checklist";
import { reviewColumns } from "../reviews/stored";
import { ProofSchema } from "./proof";
import { exerciseItemKey } from "./requirements";

export async function packetDetail(packetId: string) {
  const client = await db();
  const packet = await client.packet.findUnique({ where: { id: packetId }, include: { learner: true } });
  if (!packet) return null;
  const [evidence, proofs, reviews, comments] = await Promise.all([
    client.evidence.findMany({ where: { packetId }, orderBy: [{ createdAt: "asc" }, { version: "asc" }] }),
    client.completionProof.findMany({ where: { packetId }, orderBy: { createdAt: "asc" } }),
    client.review.findMany({ where: { packetId }, include: { ticks: { select: { number: true } } }, orderBy: { createdAt: "asc" } }),
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
    reviews: reviews.map(({ ticks, ...r }) => ({
      ...r,
      ...reviewColumns(r),
      checklist:
        r.verdict === "reject"
          ? feedbackChecklist(
              r.feedback,
              ticks.map((t) => t.number),
            )
          : [],
    })),
    comments,
  };
}
export type PacketDetail = NonNullable<Awaited<ReturnType<typeof packetDetail>>>;

/** Every attempt of a learner at one module, oldest first. */
export async function moduleAttempts(learnerId: string, moduleNumber: number) {
  return (await db()).packet.findMany({ where: { learnerId, moduleNumber }, orderBy: { attempt: "asc" } });
}

/** The latest attempt of each module a learner has started, with whether its last verdict was a rejection. */
export async function currentPackets(learnerId: string) {
  const client = await db();
  const packets = await client.packet.findMany({
    where: { learnerId },
    orderBy: { attempt: "asc" },
    include: { reviews: { orderBy: { createdAt: "asc" }, select: { verdict: true } } },
  });
  const current = new Map<number, (typeof packets)[number]>();
  for (const p of packets) current.set(p.moduleNumber, p);
  return [...current.values()].map(({ reviews, ...packet }) => ({ ...packet, rejected: latestVerdict(reviews)?.verdict === "reject" }));
}
type CurrentPacket = Awaited<ReturnType<typeof currentPackets>>[number];

/** The latest attempt at one module, or null when the learner has not started it. */
export async function currentPacket(learnerId: string, moduleNumber: number) {
  const client = await db();
  return client.packet.findFirst({ where: { learnerId, moduleNumber }, orderBy: { attempt: "desc" } });
}

/** The latest recorded result of one exercise in a learner's current packet of its module, with the packet's status. */
export async function exerciseResult(learnerId: string, moduleNumber: number, exercise: string) {
  const packet = await currentPacket(learnerId, moduleNumber);
  if (!packet) return { packet: null, result: null };
  const result = await (
    await db()
  ).evidence.findFirst({
    where: { packetId: packet.id, itemKey: exerciseItemKey(exercise) },
    orderBy: { version: "desc" },
  });
  return { packet, result };
}

export type Progress = {
  learnerName: string;
  completed: Set<number>;
  /** Completed modules whose verdict was given in another install (an imported profile). */
  imported: Set<number>;
  next: NextStep;
  packets: CurrentPacket[];
};

/** Progress of a learner profile in its program. */
export async function learnerProgress(learner: { id: string; name: string }, program: Program): Promise<Progress> {
  const packets = await currentPackets(learner.id);
  return {
    learnerName: learner.name,
    completed: new Set(packets.filter((p) => p.status === "completed").map((p) => p.moduleNumber)),
    imported: new Set(packets.filter(isImportedCompletion).map((p) => p.moduleNumber)),
    next: nextStep(program, packets),
    packets,
  };
}

