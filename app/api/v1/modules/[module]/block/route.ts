import { handle } from "@/lib/agent/handler";
import { packetSummaryOf, startedPacketOf } from "@/lib/agent/modules";
import { API } from "@/lib/agent/routes";
import { blockPacket } from "@/lib/packets/service";

export const POST = handle(API.blockModule, async ({ caller, params, body }) => {
  const { mod, packet } = await startedPacketOf(caller, params.module);
  await blockPacket(caller.actor, { packetId: packet.id, reason: body.reason });
  return { packet: await packetSummaryOf(caller, mod) };
});
