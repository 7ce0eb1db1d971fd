// A rejection's feedback as the learner's rework checklist: each list item of the feedback,
// marked done or still open by the learner as they rework; the reviewer sees the same marks.
import { z } from "zod";
import { assertActsFor, type Actor } from "../auth/actor";
import { transaction } from "../db";
import { AppError } from "../errors";
import { loadPacket } from "../packets/service";
import { splitFeedback } from "./feedback";
import { latestVerdict } from "./history";

export type ChecklistItem = { number: number; text: string; done: boolean };

/** The checklist of a rejection's feedback (numbered from 1), with the numbers the learner marked done. */
export function feedbackChecklist(feedback: string, done: Iterable<number>): ChecklistItem[] {
  const marked = new Set(done);
  return splitFeedback(feedback).items.map((text, index) => ({ number: index + 1, text, done: marked.has(index + 1) }));
}

const TickSchema = z.object({
  packetId: z.string().min(1),
  number: z.coerce.number().int().min(1, "items are numbered from 1"),
  done: z.boolean(),
});

/**
 * Marks one item of a packet's latest request for changes done or open again: only the learner
 * (or their agent) does, and only while the packet is back with them (not while it waits for review).
 */
export async function setFeedbackTick(actor: Actor, input: z.input<typeof TickSchema>): Promise<ChecklistItem[]> {
  const parsed = TickSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { packetId, number, done } = parsed.data;
  return transaction(async (tx) => {
    const { packet, state } = await loadPacket(tx, packetId);
    assertActsFor(actor, state.learner);
    const review = latestVerdict(await tx.review.findMany({ where: { packetId }, orderBy: { createdAt: "asc" } }));
    if (review?.verdict !== "reject") {
      throw new AppError(
        "refused",
        "This packet has no request for changes to mark.",
        { packetId: "no request for changes" },
        "no-feedback",
      );
    }
    if (packet.status !== "in_progress" && packet.status !== "blocked") {
      throw new AppError(
        "refused",
        "The packet is waiting for review; its checklist stays as it was sent.",
        { packetId: "packet is not being reworked" },
        "not-reworking",
      );
    }
    const items = splitFeedback(review.feedback).items;
    if (number > items.length) throw new AppError("invalid", `The feedback has ${items.length} items to mark.`, { number: "no such item" });
    const reviewId = review.id;
    if (done) await tx.feedbackTick.upsert({ where: { reviewId_number: { reviewId, number } }, create: { reviewId, number }, update: {} });
    else await tx.feedbackTick.deleteMany({ where: { reviewId, number } });
    const ticks = await tx.feedbackTick.findMany({ where: { reviewId }, select: { number: true } });
    return feedbackChecklist(
      review.feedback,
      ticks.map((t) => t.number),
    );
  });
}
