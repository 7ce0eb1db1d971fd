// The hours rule: a module's time estimate (reading, exercises, drills, mini-assessment) and the checks
// that its drills can be counted and its stated hours are within 25% of the estimate.
import type { ModuleMeta } from "./schema";

/** Reading speed for technical text, in words a minute. */
const READING_WORDS_PER_MINUTE = 150;
/** How far the stated hours may be from the estimate before the check reports it. */
const HOURS_TOLERANCE = 0.25;

type EstimatedModule = { meta: ModuleMeta; body: string; exercises: { meta: { number: number; minutes: number } }[] };

export type HoursEstimate = {
  readingWords: number;
  readingMinutes: number;
  exerciseMinutes: number;
  drillMinutes: number;
  assessmentMinutes: number;
  totalMinutes: number;
};

export type HoursProblem = { path: (string | number)[]; message: string };

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Minutes a learner spends on a module: the page (frontmatter text and body) at 150 words a minute, every
 *  exercise, every drill that no exercise satisfies, and the mini-assessment. */
export function estimateModuleMinutes(module: EstimatedModule): HoursEstimate {
  const readingWords = wordsIn(module.body) + stringsOf(module.meta).reduce((sum, s) => sum + wordsIn(s), 0);
  const readingMinutes = readingWords / READING_WORDS_PER_MINUTE;
  const exerciseMinutes = module.exercises.reduce((sum, e) => sum + e.meta.minutes, 0);
  const drillMinutes = module.meta.drills.reduce((sum, d) => sum + (d.satisfiedBy === undefined ? (d.timebox?.minutes ?? 0) : 0), 0);
  const assessmentMinutes = module.meta.assessmentMinutes ?? 0;
  const totalMinutes = readingMinutes + exerciseMinutes + drillMinutes + assessmentMinutes;
  return { readingWords, readingMinutes, exerciseMinutes, drillMinutes, assessmentMinutes, totalMinutes };
}

/** One line: the estimate in hours and what it is made of. */
export function describeEstimate(estimate: HoursEstimate): string {
  const minutes = (n: number) => `${Math.round(n)} min`;
  return (
    `${(estimate.totalMinutes / 60).toFixed(1)} h = reading ${minutes(estimate.readingMinutes)} (${estimate.readingWords} words)` +
    ` + exercises ${minutes(estimate.exerciseMinutes)} + drills ${minutes(estimate.drillMinutes)}` +
    ` + mini-assessment ${minutes(estimate.assessmentMinutes)}`
  );
}

/** Every drill is either satisfied by an exercise of the module that exists, or an extra rep with a timebox. */
export function drillTimeProblems(module: EstimatedModule): HoursProblem[] {
  const numbers = new Set(module.exercises.map((e) => e.meta.number));
  return module.meta.drills.flatMap((drill, i): HoursProblem[] => {
    if (drill.satisfiedBy !== undefined && !numbers.has(drill.satisfiedBy)) {
      return [{ path: ["drills", i, "satisfiedBy"], message: `there is no exercise ${drill.satisfiedBy} in this module` }];
    }
    if (drill.satisfiedBy === undefined && !drill.timebox) {
      return [{ path: ["drills", i], message: `drill ${drill.id} needs satisfiedBy (an exercise number) or a timebox, so its minutes count` }];
    }
    return [];
  });
}

/** The mini-assessment states its minutes. */
export function assessmentTimeProblems(module: EstimatedModule): HoursProblem[] {
  return module.meta.assessmentMinutes === undefined
    ? [{ path: ["assessmentMinutes"], message: "required: the minutes the mini-assessment takes, counted in the hours estimate" }]
    : [];
}

/** The stated hours are within 25% of the estimate: min × 0.75 ≤ estimate ≤ max × 1.25. */
export function statedHoursProblems(module: EstimatedModule, estimate = estimateModuleMinutes(module)): HoursProblem[] {
  const hours = estimate.totalMinutes / 60;
  const { min, max } = module.meta.hours;
  if (hours >= min * (1 - HOURS_TOLERANCE) && hours <= max * (1 + HOURS_TOLERANCE)) return [];
  return [
    {
      path: ["hours"],
      message: `stated ${min}–${max} h differs by more than 25% from the estimate ${describeEstimate(estimate)}`,
    },
  ];
}

/** All problems of the hours rule for one module. */
export function hoursProblems(module: EstimatedModule): HoursProblem[] {
  return [...drillTimeProblems(module), ...assessmentTimeProblems(module), ...statedHoursProblems(module)];
}
