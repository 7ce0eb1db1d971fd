// The completion proof (async-plan template §3.3) a packet needs before review: validation
// and drill status, the rubric self-score, risks and follow-ups, and evidence for every claim.
import { z } from "zod";
import { DIMENSION_LABELS, type Dimension, RubricScoresSchema } from "../rubric/rubric";

const text = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`);
export const CHECK_RESULTS = ["passing", "failing", "not-applicable"] as const;

export const ProofSchema = z.strictObject({
  validationStatus: z.enum(CHECK_RESULTS, { error: "choose passing, failing or not applicable" }),
  validationDetail: text("what was validated, with the command and its result"),
  drillStatus: z.enum(CHECK_RESULTS, { error: "choose passing, failing or not applicable" }),
  drillDetail: text("which drills and tests ran, with results"),
  selfScores: RubricScoresSchema,
  rubricSummary: text("a rubric score summary"),
  risks: text("the risks"),
  followUps: text("the follow-ups"),
  claims: z
    .array(
      z.strictObject({
        claim: text("the claim"),
        evidence: z.array(z.string().min(1)).min(1, "point to at least one evidence item"),
      }),
    )
    .min(1, "make at least one assessment claim, with its evidence"),
});
export type Proof = z.infer<typeof ProofSchema>;

const FIELD_NAMES: Record<string, string> = {
  validationStatus: "build/validation status",
  validationDetail: "build/validation details",
  drillStatus: "test/drill status",
  drillDetail: "test/drill details",
  rubricSummary: "rubric score summary",
  risks: "risks",
  followUps: "follow-ups",
  claims: "assessment claims with evidence",
};

export type ProofCheck = { proof: Proof | null; missing: string[]; fieldErrors: Record<string, string> };

/**
 * Validates a proof against the packet's evidence: every part present, and every claim backed
 * by evidence items that exist. Lists each missing part in words a learner can act on.
 */
export function checkProof(input: unknown, evidenceKeys: ReadonlySet<string>): ProofCheck {
  const parsed = ProofSchema.safeParse(input);
  const missing: string[] = [];
  const fieldErrors: Record<string, string> = {};
  const note = (field: string, label: string, message: string) => {
    if (!(field in fieldErrors)) fieldErrors[field] = message;
    if (!missing.includes(label)) missing.push(label);
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          note([...issue.path, key].join("."), `unknown field "${[...issue.path, key].join(".")}" (remove it)`, "unknown field");
        continue;
      }
      const [head, index, sub] = issue.path;
      const field = issue.path.join(".");
      if (head === "selfScores") note(field, `self-score for ${DIMENSION_LABELS[index as Dimension] ?? String(index)}`, issue.message);
      else if (head === "claims" && typeof index === "number") {
        note(field, sub === "evidence" ? `evidence for claim ${index + 1}` : `text of claim ${index + 1}`, issue.message);
      } else note(field, FIELD_NAMES[String(head)] ?? field, issue.message);
    }
    return { proof: null, missing, fieldErrors };
  }
  parsed.data.claims.forEach((claim, index) => {
    const unknown = claim.evidence.filter((key) => !evidenceKeys.has(key));
    if (unknown.length > 0) {
      note(
        `claims.${index}.evidence`,
        `evidence for claim ${index + 1} (it points to items that do not exist)`,
        `unknown evidence: ${unknown.join(", ")}`,
      );
    }
  });
  return { proof: missing.length === 0 ? parsed.data : null, missing, fieldErrors };
}
