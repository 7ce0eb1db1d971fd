// The plan log's filter from a page's query: whose log (the access rule of lib/auth/access.ts),
// which module and which status.
import { z } from "zod";
import { requireViewedLearner } from "../auth/access";
import type { SignedIn } from "../auth/session";
import { STATUSES } from "../packets/transitions";
import type { LogFilter } from "./service";

const LogQuerySchema = z.object({
  learner: z.string().optional(),
  module: z.coerce.number().int().min(1).max(99).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
});

export async function logFilterFor(
  signedIn: SignedIn,
  query: Record<string, string | undefined>,
): Promise<LogFilter & { learnerName: string }> {
  const { learner, module, status } = LogQuerySchema.parse(query);
  const chosen = await requireViewedLearner(signedIn, learner);
  return { learnerId: chosen.id, learnerName: chosen.name, moduleNumber: module, status };
}
