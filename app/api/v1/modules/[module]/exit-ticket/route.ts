import { handle } from "@/lib/agent/handler";
import { startedPacketOf } from "@/lib/agent/modules";
import { evidenceJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { addEvidence } from "@/lib/packets/evidence";

export const POST = handle(API.answerExitTicket, async ({ caller, params, body }) => {
  const { packet } = await startedPacketOf(caller, params.module);
  return { evidence: evidenceJson(await addEvidence(caller.actor, packet.id, body)) };
});
