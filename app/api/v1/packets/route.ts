import { handle } from "@/lib/agent/handler";
import { learnerJson, nextStepJson, packetJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { learnerProgress } from "@/lib/packets/queries";

export const GET = handle(API.listPackets, async ({ caller, query }) => {
  const progress = await learnerProgress(caller.learner, caller.program);
  const packets = caller.program.modules.map((mod) => packetJson(mod, progress.packets.find((p) => p.moduleNumber === mod.meta.number)));
  return {
    learner: learnerJson(caller),
    packets: query.status ? packets.filter((p) => p.status === query.status) : packets,
    next: nextStepJson(progress.next),
  };
});
