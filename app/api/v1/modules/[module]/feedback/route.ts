import { handle } from "@/lib/agent/handler";
import { moduleOf, packetSummaryOf } from "@/lib/agent/modules";
import { feedbackJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { currentPacket } from "@/lib/packets/queries";
import { packetDetail } from "@/lib/packets/queries";

export const GET = handle(API.getFeedback, async ({ caller, params }) => {
  const mod = moduleOf(caller, params.module);
  const packet = await currentPacket(caller.learner.id, mod.meta.number);
  const detail = packet ? await packetDetail(packet.id) : null;
  return { packet: await packetSummaryOf(caller, mod), timeZone: caller.zone, ...feedbackJson(detail ?? { reviews: [], comments: [] }) };
});
