import { handle } from "@/lib/agent/handler";
import { learnerJson, moduleUrl } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { DEFAULT_THRESHOLD } from "@/lib/rubric/rubric";

export const GET = handle(API.getProgram, async ({ caller }) => {
  const { program } = caller;
  return {
    learner: learnerJson(caller),
    program: {
      slug: program.slug,
      title: program.meta.title,
      summary: program.meta.summary,
      planId: program.meta.metadata.planId,
      domain: program.meta.metadata.domain,
      owner: program.meta.metadata.owner,
      passThreshold: program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD,
      modules: program.modules.map((mod) => ({
        number: mod.meta.number,
        slug: mod.slug,
        title: mod.meta.title,
        prerequisites: mod.meta.prerequisites,
        hours: mod.meta.hours,
        exercises: mod.exercises.length,
        url: moduleUrl(program, mod),
      })),
    },
  };
});
