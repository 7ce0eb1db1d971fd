// The review queue as a reviewer reads it: each waiting packet with what tells them where to
// start (how long it has waited, the learner's self-score, how much evidence, open comments),
// and the prerequisite waivers each learner could still be given.
import { z } from "zod";
import { getProgram, moduleByNumber } from "../content";
import { db } from "../db";
import { ProofSchema } from "../packets/proof";
import { evaluateRubric } from "../rubric/rubric";

export const QUEUE_SORTS = { waiting: "Waiting longest", learner: "Learner" } as const;
export type QueueSort = keyof typeof QUEUE_SORTS;
/** An unknown sort in the address falls back to the default, waiting time. */
export const QueueSortSchema = z.enum(["waiting", "learner"]).catch("waiting");

export type QueueRow = {
  packetId: string;
  learnerName: string;
  own: boolean;
  moduleNumber: number;
  moduleTitle: string | null;
  attempt: number;
  submittedAt: Date | null;
  selfScoreAverage: number | null;
  evidenceItems: number;
  unresolvedComments: number;
};

/** Every packet waiting for review, oldest submission first or by learner name. */
export async function reviewQueueRows(reviewerUserId: string, sort: QueueSort): Promise<QueueRow[]> {
  const packets = await (
    await db()
  ).packet.findMany({
    where: { status: "review_required" },
    include: {
      learner: true,
      proofs: { orderBy: { createdAt: "desc" }, take: 1, select: { data: true } },
      comments: { where: { resolution: null }, select: { id: true } },
      evidence: { select: { itemKey: true } },
    },
    orderBy: { submittedAt: "asc" },
  });
  const rows = packets.map((p): QueueRow => {
    const program = getProgram(p.learner.programSlug);
    const proof = p.proofs[0] ? ProofSchema.safeParse(p.proofs[0].data) : null;
    return {
      packetId: p.id,
      learnerName: p.learner.name,
      own: p.learner.ownerId === reviewerUserId,
      moduleNumber: p.moduleNumber,
      moduleTitle: program ? (moduleByNumber(program, p.moduleNumber)?.meta.title ?? null) : null,
      attempt: p.attempt,
      submittedAt: p.submittedAt,
      selfScoreAverage: proof?.success ? evaluateRubric(proof.data.selfScores).average : null,
      evidenceItems: new Set(p.evidence.map((e) => e.itemKey)).size,
      unresolvedComments: p.comments.length,
    };
  });
  return sort === "learner" ? rows.sort((a, b) => a.learnerName.localeCompare(b.learnerName) || a.moduleNumber - b.moduleNumber) : rows;
}

/** The packet a reviewer takes up next: the oldest waiting one that is not their own profile's, nor `exceptPacketId`. */
export async function nextInQueue(reviewerUserId: string, exceptPacketId: string): Promise<QueueRow | null> {
  return (await reviewQueueRows(reviewerUserId, "waiting")).find((row) => row.packetId !== exceptPacketId && !row.own) ?? null;
}

export type WaiverChoice = { moduleNumber: number; prerequisite: number; label: string };

/**
 * The learner profiles a reviewer may waive prerequisites for (every one but their own), each
 * with the prerequisites still in the way: a module not completed and not already waived.
 */
export async function waiverChoices(reviewerUserId: string) {
  const learners = await (
    await db()
  ).learner.findMany({
    where: { ownerId: { not: reviewerUserId } },
    include: { waivers: true, packets: { where: { status: "completed" }, select: { moduleNumber: true } } },
    orderBy: { name: "asc" },
  });
  return learners.map((learner) => {
    const program = getProgram(learner.programSlug);
    const completed = new Set(learner.packets.map((p) => p.moduleNumber));
    const waived = new Set(learner.waivers.map((w) => `${w.moduleNumber}:${w.prerequisite}`));
    const choices: WaiverChoice[] = [];
    for (const mod of program?.modules ?? []) {
      if (completed.has(mod.meta.number)) continue;
      for (const prerequisite of mod.meta.prerequisites) {
        if (completed.has(prerequisite) || waived.has(`${mod.meta.number}:${prerequisite}`)) continue;
        const before = program ? moduleByNumber(program, prerequisite) : null;
        choices.push({
          moduleNumber: mod.meta.number,
          prerequisite,
          label: `Module ${mod.meta.number}: ${mod.meta.title} — without Module ${prerequisite}${before ? `: ${before.meta.title}` : ""}`,
        });
      }
    }
    return { id: learner.id, name: learner.name, choices };
  });
}
