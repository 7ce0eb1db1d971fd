import { handle } from "@/lib/agent/handler";
import { moduleOf, packetSummaryOf } from "@/lib/agent/modules";
import { moduleUrl } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";

export const GET = handle(API.getModule, async ({ caller, params }) => {
  const mod = moduleOf(caller, params.module);
  const { meta } = mod;
  return {
    module: {
      number: meta.number,
      slug: mod.slug,
      title: meta.title,
      url: moduleUrl(caller.program, mod),
      prerequisites: meta.prerequisites,
      outcomes: meta.outcomes,
      artifacts: meta.artifacts,
      exitTicket: meta.exitTicket.map((text, i) => ({ question: i + 1, text })),
      drills: meta.drills.map((d) => ({ id: d.id, level: d.level, title: d.title, prompt: d.prompt, timebox: d.timebox ?? null })),
      exercises: mod.exercises.map((e) => ({
        slug: e.slug,
        number: e.meta.number,
        title: e.meta.title,
        difficulty: e.meta.difficulty,
        minutes: e.meta.minutes,
        successCriteria: e.meta.successCriteria,
        checks: e.meta.checks,
      })),
    },
    packet: await packetSummaryOf(caller, mod),
  };
});
