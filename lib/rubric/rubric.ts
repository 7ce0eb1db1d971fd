// The six-dimension rubric of the async-plan template (§5): scores, level descriptors, the
// pass threshold and the remediation a failing score triggers.
import { z } from "zod";
import { DIMENSION_LABELS, DIMENSIONS, type Dimension, type Drill, type ModuleMeta } from "../content/schema";

export { DIMENSION_LABELS, DIMENSIONS, type Dimension };

/** A score as a number, or as the digits a form sends; anything else is refused, not coerced. */
export const ScoreSchema = z
  .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)], { error: "choose a score from 1 to 5" })
  .pipe(z.number().int("choose a whole score from 1 to 5").min(1, "choose a score from 1 to 5").max(5, "choose a score from 1 to 5"));

export const RubricScoresSchema = z.strictObject(
  Object.fromEntries(DIMENSIONS.map((d) => [d, ScoreSchema])) as Record<Dimension, typeof ScoreSchema>,
);
export type RubricScores = z.infer<typeof RubricScoresSchema>;

export type PassThreshold = { minEach: number; minAverage: number };
export const DEFAULT_THRESHOLD: PassThreshold = { minEach: 3, minAverage: 4 };

export type RubricResult = {
  average: number;
  total: number;
  pass: boolean;
  /** Dimensions below the per-dimension minimum. */
  belowMinimum: Dimension[];
  /** Dimensions below the average threshold: what to work on when the average fails. */
  weak: Dimension[];
};

export function evaluateRubric(scores: RubricScores, threshold: PassThreshold = DEFAULT_THRESHOLD): RubricResult {
  const values = DIMENSIONS.map((d) => scores[d]);
  const total = values.reduce((sum, v) => sum + v, 0);
  const average = Math.round((total / values.length) * 100) / 100;
  const belowMinimum = DIMENSIONS.filter((d) => scores[d] < threshold.minEach);
  const averageFails = average < threshold.minAverage;
  const weak = averageFails ? DIMENSIONS.filter((d) => scores[d] < threshold.minAverage) : belowMinimum;
  return { average, total, pass: belowMinimum.length === 0 && !averageFails, belowMinimum, weak };
}

/** What each level means, shown beside the buttons while scoring. */
export const LEVEL_DESCRIPTORS: Record<Dimension, Record<1 | 2 | 3 | 4 | 5, string>> = {
  correctness: {
    1: "Claims are unverified or wrong; validation fails.",
    2: "Works in the happy path; evidence is missing for key claims.",
    3: "Meets the success criteria; every claim has evidence.",
    4: "Meets the criteria first time, with edge cases checked.",
    5: "Flawless and independently verifiable; validation is automated.",
  },
  speed: {
    1: "Far over the time box; stalls without asking for help.",
    2: "Over the time box; much rework.",
    3: "Within the time box with some rework.",
    4: "Comfortably within the time box; little rework.",
    5: "Fluent: well under the time box, first-pass results.",
  },
  resilience: {
    1: "A failure stops the work; state is lost.",
    2: "Recovers with help or with destructive actions.",
    3: "Recovers alone with a reasonable action.",
    4: "Recovers quickly with the least destructive action and notes why.",
    5: "Anticipates failures; checkpoints make recovery routine.",
  },
  judgment: {
    1: "Choices are arbitrary or unexplained.",
    2: "Choices are explained but often not the best option.",
    3: "Sound choices with stated reasons.",
    4: "Weighs alternatives and trade-offs explicitly.",
    5: "Chooses as an expert would and can teach why.",
  },
  maintainability: {
    1: "Artifacts are ad hoc and hard to reuse.",
    2: "Artifacts exist but are disorganised or undocumented.",
    3: "Artifacts are organised, named and documented.",
    4: "Artifacts are reusable across tasks and versioned.",
    5: "Artifacts are a clean system others could adopt.",
  },
  collaboration: {
    1: "Another person could not follow or resume the work.",
    2: "Hand-off needs many follow-up questions.",
    3: "Hand-off is clear; few questions needed.",
    4: "Hand-off and evidence let anyone resume without questions.",
    5: "Work is ready to teach from and review instantly.",
  },
};

export type Remediation = {
  dimensions: Dimension[];
  drills: Pick<Drill, "id" | "title" | "level" | "dimensions">[];
  failureModes: ModuleMeta["failureModes"];
};

/** The remediation work for weak dimensions: the module's drills and failure modes that train them. */
export function remediationFor(module: Pick<ModuleMeta, "drills" | "failureModes">, weak: Dimension[]): Remediation {
  const touches = (dims: Dimension[]) => dims.some((d) => weak.includes(d));
  return {
    dimensions: weak,
    drills: module.drills.filter((d) => touches(d.dimensions)).map(({ id, title, level, dimensions }) => ({ id, title, level, dimensions })),
    failureModes: module.failureModes.filter((f) => weak.includes(f.dimension)),
  };
}
