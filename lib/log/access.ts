// Whose plan log a signed-in person may read: their own profile's, or any learner's for a reviewer.
import { cache } from "react";
import { z } from "zod";
import type { SignedIn } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { STATUSES } from "../packets/transitions";
import type { LogFilter } from "./service";

export const LogQuerySchema = z.object({
  learner: z.string().optional(),
  module: z.coerce.number().int().min(1).max(99).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
});

/** Read once per request, however many parts of a page ask. */
export const readableLearners = cache(async (signedIn: SignedIn) => {
  const client = await db();
  return signedIn.asReviewer
    ? client.learner.findMany({ orderBy: { name: "asc" } })
    : client.learner.findMany({ where: { ownerId: signedIn.user.id }, orderBy: { name: "asc" } });
});

/** The profile named by `learner` (default: the signed-in one's, else their first readable one), if they may read it. */
export async function readableLearner(signedIn: SignedIn, learner: string | undefined) {
  const learners = await readableLearners(signedIn);
  const chosen = learners.find((l) => l.id === (learner ?? signedIn.learnerId)) ?? (learner ? undefined : learners[0]);
  if (!chosen) throw new AppError(learner ? "forbidden" : "not-found", learner ? "You cannot read this learner's data." : "There is no learner profile yet.");
  return chosen;
}

export async function logFilterFor(signedIn: SignedIn, query: Record<string, string | undefined>): Promise<LogFilter & { learnerName: string }> {
  const { learner, module, status } = LogQuerySchema.parse(query);
  const chosen = await readableLearner(signedIn, learner);
  return { learnerId: chosen.id, learnerName: chosen.name, moduleNumber: module, status };
}
