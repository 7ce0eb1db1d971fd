// Whose progress a signed-in person may see: their own learner profile's, or any learner's for
// a reviewer (the plan log's access rule).
import { currentUser, type SignedIn } from "../auth/session";
import { db } from "../db";
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

/** The signed-in person's own learner profile in a program, if they are working in it. */
export async function ownLearnerIn(programSlug: string): Promise<string | null> {
  const signedIn = await currentUser();
  if (!signedIn?.learnerId) return null;
  const learner = await (await db()).learner.findUnique({ where: { id: signedIn.learnerId } });
  return learner && learner.ownerId === signedIn.user.id && learner.programSlug === programSlug ? learner.id : null;
}
