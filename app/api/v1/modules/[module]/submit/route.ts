import { handle } from "@/lib/agent/handler";
import { packetSummaryOf, startedPacketOf } from "@/lib/agent/modules";
import { API } from "@/lib/agent/routes";
import { submitPacket } from "@/lib/packets/service";

export const POST = handle(API.submitModule, async ({ caller, params, body }) => {
  const { mod, packet } = await startedPacketOf(caller, params.module);
  await submitPacket(caller.actor, { packetId: packet.id, proof: body });
  return { packet: await packetSummaryOf(caller, mod) };
});
