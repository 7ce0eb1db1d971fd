// The capability spine and the proficiency end-state, backed by the learner's work: which
// modules and evidence stand behind each capability and each rubric dimension, with the latest
// reviewer scores; and the audit status of each capability for the status-update report.
import { moduleByNumber, type Program } from "../content";
import type { Status } from "../packets/transitions";
import { DIMENSION_LABELS, DIMENSIONS, type Dimension, type RubricScores } from "../rubric/rubric";

/** The latest review's scores, with the learner's self-score from the proof that review judged (null when it cannot be read). */
type LatestScores = { scores: RubricScores; self: RubricScores | null; verdict: string; reviewer: string; at: Date };

/** Where the learner stands on one module: its latest attempt, evidence and scores. */
export type ModuleStanding = {
  number: number;
  title: string;
  status: Status;
  /** Completed by a verdict given in another install (an imported profile). */
  imported: boolean;
  attempt: number;
  packetId: string | null;
  /** Evidence items of the latest attempt (each at its latest version). */
  evidence: { key: string; kind: string; title: string; version: number }[];
  drillAttempts: { drillId: string; passed: boolean; withinTimebox: boolean | null }[];
  exercisesDone: string[];
  latest: LatestScores | null;
};

export const average = (scores: RubricScores) =>
  Math.round((DIMENSIONS.reduce((sum, d) => sum + scores[d], 0) / DIMENSIONS.length) * 100) / 100;

/**
 * The modules behind each capability. Capabilities are listed in path order: with one per module
 * they pair up; with fewer, each takes its share of consecutive modules.
 */
export function capabilityModules(capabilityCount: number, moduleNumbers: readonly number[]): number[][] {
  const groups: number[][] = Array.from({ length: capabilityCount }, () => []);
  moduleNumbers.forEach((n, i) => groups[Math.min(capabilityCount - 1, Math.floor((i * capabilityCount) / moduleNumbers.length))]!.push(n));
  return groups;
}

export type CapabilityRow = { capability: string; modules: ModuleStanding[]; evidence: number; averageScore: number | null };

export function capabilitySpine(program: Program, standings: readonly ModuleStanding[]): CapabilityRow[] {
  const numbers = program.modules.map((m) => m.meta.number);
  return capabilityModules(program.meta.capabilities.length, numbers).map((group, i) => {
    const modules = standings.filter((s) => group.includes(s.number));
    const scored = modules.filter((s) => s.latest).map((s) => average(s.latest!.scores));
    return {
      capability: program.meta.capabilities[i]!,
      modules,
      evidence: modules.reduce((sum, s) => sum + s.evidence.length, 0),
      averageScore: scored.length > 0 ? Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 100) / 100 : null,
    };
  });
}

export type EndStateRow = {
  dimension: Dimension;
  label: string;
  target: string;
  /** Modules whose drills, failure modes or exercises train the dimension. */
  modules: number[];
  drillAttempts: number;
  exerciseResults: number;
  scores: { moduleNumber: number; score: number; verdict: string }[];
  latest: number | null;
};

const trainingModules = new WeakMap<Program, Map<Dimension, number[]>>();

/** The modules whose drills, failure modes or exercises train each dimension; from the content only, so built once per program. */
function modulesTraining(program: Program): Map<Dimension, number[]> {
  let found = trainingModules.get(program);
  if (!found) {
    const trains = (m: Program["modules"][number], dimension: Dimension) =>
      m.meta.drills.some((d) => d.dimensions.includes(dimension)) ||
      m.meta.failureModes.some((f) => f.dimension === dimension) ||
      m.exercises.some((e) => e.meta.dimensions.includes(dimension));
    found = new Map(DIMENSIONS.map((dimension) => [dimension, program.modules.filter((m) => trains(m, dimension)).map((m) => m.meta.number)]));
    trainingModules.set(program, found);
  }
  return found;
}

export function endState(program: Program, standings: readonly ModuleStanding[]): EndStateRow[] {
  return DIMENSIONS.map((dimension) => {
    let drillAttempts = 0;
    let exerciseResults = 0;
    for (const standing of standings) {
      const mod = moduleByNumber(program, standing.number);
      if (!mod) continue;
      drillAttempts += standing.drillAttempts.filter((a) =>
        mod.meta.drills.find((d) => d.id === a.drillId)?.dimensions.includes(dimension),
      ).length;
      exerciseResults += standing.exercisesDone.filter((slug) =>
        mod.exercises.find((e) => e.slug === slug)?.meta.dimensions.includes(dimension),
      ).length;
    }
    const scored = standings.filter((s) => s.latest);
    const latestScored = [...scored].sort((a, b) => b.latest!.at.getTime() - a.latest!.at.getTime())[0];
    return {
      dimension,
      label: DIMENSION_LABELS[dimension],
      target: program.meta.endState[dimension],
      modules: modulesTraining(program).get(dimension)!,
      drillAttempts,
      exerciseResults,
      scores: scored.map((s) => ({ moduleNumber: s.number, score: s.latest!.scores[dimension], verdict: s.latest!.verdict })),
      latest: latestScored ? latestScored.latest!.scores[dimension] : null,
    };
  });
}

export type AuditStatus = "Implemented" | "Partially Implemented" | "Stubbed" | "Missing";

/** The status-update template's four statuses, from a module's packet and its content. */
export function auditStatus(status: Status, contentHasPlaceholders: boolean): AuditStatus {
  if (status === "completed") return "Implemented";
  if (status === "in_progress" || status === "review_required" || status === "blocked") return "Partially Implemented";
  return contentHasPlaceholders ? "Stubbed" : "Missing";
}
