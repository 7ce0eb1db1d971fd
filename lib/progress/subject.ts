// Whose progress a signed-in person may see: their own learner profile's, or any learner's for
// a reviewer (the plan log's access rule).
import type { SignedIn } from "../auth/session";
import { AppError } from "../errors";
import { readableLearners } from "../log/access";

export type ProgressSubject = { learnerId: string; learnerName: string; programSlug: string; own: boolean };

/** The learner asked for (or the signed-in person's own profile); null when a reviewer has none and asked for none. */
export async function progressSubject(signedIn: SignedIn, requested?: string): Promise<ProgressSubject | null> {
  const learners = await readableLearners(signedIn);
  const wanted = requested || signedIn.learnerId;
  const chosen = wanted ? learners.find((l) => l.id === wanted) : learners.find((l) => l.ownerId === signedIn.user.id);
  if (!chosen) {
    if (requested) throw new AppError("forbidden", "You cannot see this learner's progress.", { learner: "not a learner you can see" });
    return null;
  }
  return { learnerId: chosen.id, learnerName: chosen.name, programSlug: chosen.programSlug, own: chosen.ownerId === signedIn.user.id };
}
