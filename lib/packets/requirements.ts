// What a module expects in its packet, checked against the evidence recorded so far: a result for
// each exercise, an attempt at each drill (within its time box, where it has one), an answer to
// each exit-ticket question and each listed artifact attached. The learner's packet page and the
// reviewer's page show the same list; submitting with open requirements is allowed.
import type { Module } from "../content";
import type { Prisma } from "../generated/prisma/client";
import { EvidenceDataSchema, exerciseSlug } from "./evidence-data";

type Row = { itemKey: string; kind: string; data: Prisma.JsonValue | null };
type ModuleShape = {
  meta: Pick<Module["meta"], "number" | "drills" | "exitTicket" | "artifacts">;
  exercises: { slug: string; meta: { number: number; title: string } }[];
};

export type RequirementGroup = "exercise" | "drill" | "exit-ticket" | "artifact";
export type Requirement = {
  group: RequirementGroup;
  /** Names the requirement on the page: the exercise slug, drill id, question or artifact number. */
  ref: string;
  label: string;
  met: boolean;
  /** What was recorded, or what is missing, in words. */
  status: string;
};

export const REQUIREMENT_GROUPS: Record<RequirementGroup, string> = {
  exercise: "Exercise results",
  drill: "Drills",
  "exit-ticket": "Exit ticket",
  artifact: "Artifacts",
};

/** The groups in the order pages show them. */
export const GROUP_ORDER = Object.keys(REQUIREMENT_GROUPS) as RequirementGroup[];

/** The item key under which an exercise's result is recorded, so every result is a version of one item. */
export const exerciseItemKey = (slug: string) => `exercise-${slug}`;
/** The item key of the answer to exit-ticket question `index` (0-based). */
export const exitTicketItemKey = (index: number) => `exit-ticket-${index + 1}`;

/** The name a listed artifact goes by: the file name before its description, or the whole text. */
export function artifactName(artifact: string): string {
  const colon = artifact.indexOf(": ");
  return colon > 0 ? artifact.slice(0, colon) : artifact;
}

/** The exercises with a recorded result: written by the learner, or a machine-check run that passed. */
function recordedExercises(rows: readonly Row[]): Set<string> {
  return new Set(rows.flatMap((row) => (row.kind === "exercise" ? [exerciseSlug(row.data)] : [])).filter((slug) => slug !== undefined));
}

function drillStatus(rows: Row[], drill: ModuleShape["meta"]["drills"][number], exercises: ModuleShape["exercises"]) {
  const attempts = rows.flatMap((row) => {
    const data = EvidenceDataSchema.nullable().parse(row.data);
    return data && "drillId" in data && data.drillId === drill.id ? [data] : [];
  });
  if (attempts.length === 0 && drill.satisfiedBy !== undefined) {
    const exercise = exercises.find((e) => e.meta.number === drill.satisfiedBy);
    const done = exercise !== undefined && recordedExercises(rows).has(exercise.slug);
    return { met: done, status: done ? `done by exercise ${drill.satisfiedBy}` : `done by exercise ${drill.satisfiedBy}: no result yet` };
  }
  if (attempts.length === 0) return { met: false, status: "not attempted" };
  const tries = `${attempts.length} ${attempts.length === 1 ? "attempt" : "attempts"}`;
  if (!drill.timebox) return { met: true, status: tries };
  const within = attempts.some((a) => a.withinTimebox);
  return { met: within, status: `${tries}, ${within ? "within the time box" : "none within the time box yet"}` };
}

/** The module's requirements, each met or open, from every version of the packet's evidence. */
export function packetRequirements(mod: ModuleShape, rows: readonly Row[]): Requirement[] {
  const all = [...rows];
  const keys = new Set(all.map((row) => row.itemKey));
  const recorded = recordedExercises(all);
  const artifacts = new Set(
    all.flatMap((row) => {
      const data = EvidenceDataSchema.nullable().parse(row.data);
      return data && "artifact" in data ? [data.artifact] : [];
    }),
  );
  return [
    ...mod.exercises.map((e): Requirement => {
      const met = recorded.has(e.slug);
      return {
        group: "exercise",
        ref: e.slug,
        label: `${mod.meta.number}.${e.meta.number} ${e.meta.title}`,
        met,
        status: met ? "result recorded" : "no result yet",
      };
    }),
    ...mod.meta.drills.map((d): Requirement => ({ group: "drill", ref: d.id, label: d.title, ...drillStatus(all, d, mod.exercises) })),
    ...mod.meta.exitTicket.map((question, i): Requirement => {
      const met = keys.has(exitTicketItemKey(i));
      return { group: "exit-ticket", ref: String(i + 1), label: `${i + 1}. ${question}`, met, status: met ? "answered" : "not answered" };
    }),
    ...mod.meta.artifacts.map((artifact, i): Requirement => {
      const met = artifacts.has(i);
      return { group: "artifact", ref: String(i + 1), label: artifactName(artifact), met, status: met ? "attached" : "not attached" };
    }),
  ];
}
