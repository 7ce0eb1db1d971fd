// Whose progress a page shows: the viewed learner of lib/auth/access.ts, as the progress pages use it.
import { sessionLearner, viewedLearner } from "../auth/access";
import { currentUser, type SignedIn } from "../auth/session";

export type ProgressSubject = { learnerId: string; learnerName: string; programSlug: string; own: boolean };

/** The viewed learner's progress subject; null when there is no learner profile at all. */
export async function progressSubject(signedIn: SignedIn, requested?: string): Promise<ProgressSubject | null> {
  const chosen = await viewedLearner(signedIn, requested || undefined);
  return chosen && { learnerId: chosen.id, learnerName: chosen.name, programSlug: chosen.programSlug, own: chosen.own };
}

/** The signed-in person's own learner profile in a program, if they are working in it. */
export async function ownLearnerIn(programSlug: string): Promise<string | null> {
  const learner = await sessionLearner(await currentUser());
  return learner?.programSlug === programSlug ? learner.id : null;
}
