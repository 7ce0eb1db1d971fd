// A review's JSON columns as the app wrote them, each read back through the schema it was written with.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { RemediationSchema, RubricScoresSchema } from "../rubric/rubric";

/** The ids of the evidence versions a review was given on. */
export const EvidenceSeenSchema = z.array(z.string());

const RemarksSchema = z.record(z.string(), z.string());

/** Scores, remarks, remediation and the evidence seen of one review row. */
export function reviewColumns(review: Pick<Prisma.ReviewGetPayload<object>, "scores" | "remarks" | "remediation" | "evidenceSeen">) {
  return {
    scoresParsed: RubricScoresSchema.parse(review.scores),
    remarksParsed: RemarksSchema.parse(review.remarks),
    remediationParsed: RemediationSchema.nullable().parse(review.remediation),
    seen: EvidenceSeenSchema.parse(review.evidenceSeen),
  };
}
