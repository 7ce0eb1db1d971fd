// What an evidence row's `data` column holds (a drill attempt, an exit-ticket question, the
// exercise it reports, a machine-check run of that exercise, or the listed artifact it is), and how
// it is read back: through the schema it is written with.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { type CheckRun, CheckRunSchema, runPassed } from "./check-run";

/** What an evidence version stores beside its text: a drill attempt, an exit-ticket question, the exercise it answers or the artifact it is. */
export const EvidenceDataSchema = z.union([
  z.strictObject({
    drillId: z.string(),
    reps: z.number().int().min(0),
    seconds: z.number().int().min(0),
    passed: z.boolean(),
    withinTimebox: z.boolean().nullable(),
  }),
  z.strictObject({ question: z.number().int().min(0).max(2) }),
  z.strictObject({ exercise: z.string() }),
  z.strictObject({ exercise: z.string(), check: CheckRunSchema }),
  z.strictObject({ artifact: z.number().int().min(0) }),
]);
export type EvidenceData = z.infer<typeof EvidenceDataSchema>;
export type DrillAttempt = Extract<EvidenceData, { drillId: string }>;

type Stored = Prisma.JsonValue | null;

/** A drill attempt's figures, or null when the row is not one. */
export function drillAttempt(data: Stored): DrillAttempt | null {
  const parsed = EvidenceDataSchema.nullable().parse(data);
  return parsed && "drillId" in parsed ? parsed : null;
}

/** The slug of the exercise an exercise row reports done, if any: a machine-check run only when every check passed. */
export function exerciseSlug(data: Stored): string | undefined {
  const parsed = EvidenceDataSchema.nullable().parse(data);
  if (!parsed || !("exercise" in parsed)) return undefined;
  return "check" in parsed && !runPassed(parsed.check) ? undefined : parsed.exercise;
}

/** The machine-check run a row records, or null when the row is not one. */
export function checkRun(data: Stored): CheckRun | null {
  const parsed = EvidenceDataSchema.nullable().parse(data);
  return parsed && "check" in parsed ? parsed.check : null;
}

/** A drill attempt in words: "3 reps in 12 min 5 s — passed, within the time box". */
export function drillSummary(d: DrillAttempt): string {
  const box = d.withinTimebox === null ? "" : d.withinTimebox ? ", within the time box" : ", over the time box";
  return `${d.reps} reps in ${Math.floor(d.seconds / 60)} min ${d.seconds % 60} s — ${d.passed ? "passed" : "not passed"}${box}`;
}
