// The six rubric dimensions, their level descriptors and the pass rule, without the schemas:
// the scoring form in the browser uses these, and zod stays on the server.
export const DIMENSIONS = ["correctness", "speed", "resilience", "judgment", "maintainability", "collaboration"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  correctness: "Correctness",
  speed: "Speed/Fluency",
  resilience: "Resilience",
  judgment: "Judgment",
  maintainability: "Maintainability",
  collaboration: "Collaboration Readiness",
};

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

export function evaluateRubric(scores: Record<Dimension, number>, threshold: PassThreshold = DEFAULT_THRESHOLD): RubricResult {
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
