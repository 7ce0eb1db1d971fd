import { handle } from "@/lib/agent/handler";
import { moduleOf, packetSummaryOf } from "@/lib/agent/modules";
import { API } from "@/lib/agent/routes";
import { startPacket } from "@/lib/packets/service";

export const POST = handle(API.startModule, async ({ caller, params, body }) => {
  const mod = moduleOf(caller, params.module);
  await startPacket(caller.actor, { learnerId: caller.learner.id, moduleNumber: mod.meta.number, restart: body.restart });
  return { packet: await packetSummaryOf(caller, mod) };
});
