// The six-dimension rubric of the async-plan template (§5): the score schemas and the
// remediation a failing score triggers; the dimensions, level descriptors and pass rule live in
// dimensions.ts (free of zod, for the scoring form in the browser) and are re-exported here.
import { z } from "zod";
import type { ModuleMeta } from "../content/schema";
import { DIMENSIONS, type Dimension } from "./dimensions";

export {
  DEFAULT_THRESHOLD,
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  evaluateRubric,
  type PassThreshold,
} from "./dimensions";

/** A score as a number, or as the digits a form sends; anything else is refused, not coerced. */
export const ScoreSchema = z
  .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)], { error: "choose a score from 1 to 5" })
  .pipe(z.number().int("choose a whole score from 1 to 5").min(1, "choose a score from 1 to 5").max(5, "choose a score from 1 to 5"));

export const RubricScoresSchema = z.strictObject(
  Object.fromEntries(DIMENSIONS.map((d) => [d, ScoreSchema])) as Record<Dimension, typeof ScoreSchema>,
);
export type RubricScores = z.infer<typeof RubricScoresSchema>;

const DimensionListSchema = z.array(z.enum(DIMENSIONS));

/** The remediation stored with a failing verdict: weak dimensions, and the drills and failure modes that train them. */
export const RemediationSchema = z.strictObject({
  dimensions: DimensionListSchema,
  drills: z.array(z.strictObject({ id: z.string(), title: z.string(), level: z.enum(["easy", "medium", "hard"]), dimensions: DimensionListSchema })),
  failureModes: z.array(z.strictObject({ symptom: z.string(), cause: z.string(), fix: z.string(), dimension: z.enum(DIMENSIONS) })),
});
export type Remediation = z.infer<typeof RemediationSchema>;

/** The remediation work for weak dimensions: the module's drills and failure modes that train them. */
export function remediationFor(module: Pick<ModuleMeta, "drills" | "failureModes">, weak: Dimension[]): Remediation {
  const touches = (dims: Dimension[]) => dims.some((d) => weak.includes(d));
  return {
    dimensions: weak,
    drills: module.drills
      .filter((d) => touches(d.dimensions))
      .map(({ id, title, level, dimensions }) => ({ id, title, level, dimensions })),
    failureModes: module.failureModes.filter((f) => weak.includes(f.dimension)),
  };
}
