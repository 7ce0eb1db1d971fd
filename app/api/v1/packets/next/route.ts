import { handle } from "@/lib/agent/handler";
import { nextStepJson, packetJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { moduleByNumber } from "@/lib/content";
import { learnerProgress } from "@/lib/packets/queries";

export const GET = handle(API.nextPacket, async ({ caller }) => {
  const { next, packets } = await learnerProgress(caller.learner, caller.program);
  const mod = "moduleNumber" in next ? moduleByNumber(caller.program, next.moduleNumber) : null;
  return { next: nextStepJson(next), packet: mod ? packetJson(mod, packets.find((p) => p.moduleNumber === mod.meta.number)) : null };
});
