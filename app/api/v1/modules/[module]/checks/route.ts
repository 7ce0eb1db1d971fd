import { handle } from "@/lib/agent/handler";
import { startedPacketOf } from "@/lib/agent/modules";
import { evidenceJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { addEvidence } from "@/lib/packets/evidence";

export const POST = handle(API.attachCheckRun, async ({ caller, params, body }) => {
  const { mod, packet } = await startedPacketOf(caller, params.module);
  const exercise = mod.exercises.find((e) => e.slug === body.exercise);
  const title = exercise ? `Machine check of exercise ${mod.meta.number}.${exercise.meta.number}: ${exercise.meta.title}` : "Machine check";
  return { evidence: evidenceJson(await addEvidence(caller.actor, packet.id, { ...body, title: title.slice(0, 200) })) };
});
