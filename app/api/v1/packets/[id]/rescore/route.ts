import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { rescorePacket } from "@/lib/reviews/service";

/** A reviewer's score correction. Only a signed-in reviewer: learners and every API token get 403. */
export const POST = handle(API.rescorePacket, async ({ caller, params, body }) => {
  const review = await rescorePacket(caller.actor, { ...body, packetId: params.id });
  return { review: { id: review.id, verdict: review.verdict, createdAt: review.createdAt.toISOString() } };
});
