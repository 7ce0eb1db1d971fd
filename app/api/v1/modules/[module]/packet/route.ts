import { handle } from "@/lib/agent/handler";
import { moduleOf, packetSummaryOf } from "@/lib/agent/modules";
import { evidenceJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { currentPacket } from "@/lib/packets/queries";
import { packetDetail } from "@/lib/packets/queries";

export const GET = handle(API.getPacket, async ({ caller, params }) => {
  const mod = moduleOf(caller, params.module);
  const packet = await currentPacket(caller.learner.id, mod.meta.number);
  const detail = packet ? await packetDetail(packet.id) : null;
  return {
    packet: await packetSummaryOf(caller, mod),
    evidence: (detail?.items ?? []).map((item) => ({ itemKey: item.key, versions: item.versions.length, latest: evidenceJson(item.latest) })),
    proof: detail?.proofs.at(-1)?.proof ?? null,
  };
});
