// Which learner's status update a signed-in person may read and download: the dashboard's rule.
import type { SignedIn } from "../auth/session";
import { AppError } from "../errors";
import { progressSubject, type ProgressSubject } from "../progress/subject";

export async function reportSubject(signedIn: SignedIn, requested?: string): Promise<ProgressSubject> {
  const subject = await progressSubject(signedIn, requested);
  if (!subject) throw new AppError("not-found", "Choose a learner: you have no learner profile of your own.", { learner: "choose a learner" });
  return subject;
}
