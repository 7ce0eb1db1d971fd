import { handle } from "@/lib/agent/handler";
import { startedPacketOf } from "@/lib/agent/modules";
import { checklistJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { setFeedbackTick } from "@/lib/reviews/checklist";

export const POST = handle(API.tickFeedback, async ({ caller, params, body }) => {
  const { packet } = await startedPacketOf(caller, params.module);
  const checklist = await setFeedbackTick(caller.actor, { packetId: packet.id, number: body.number, done: body.done });
  return { checklist: checklistJson(checklist) };
});
