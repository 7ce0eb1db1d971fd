import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { reviewPacket } from "@/lib/reviews/service";

/** A reviewer's verdict. Only a signed-in reviewer: learners and every API token get 403. */
export const POST = handle(API.reviewPacket, async ({ caller, params, body }) => {
  const review = await reviewPacket(caller.actor, { ...body, packetId: params.id });
  return { review: { id: review.id, verdict: review.verdict, createdAt: review.createdAt.toISOString() } };
});
