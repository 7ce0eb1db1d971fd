// Whose library a signed-in person sees (the access rule of lib/auth/access.ts) and the check
// before a change: only the profile's owner, or a token of that profile, writes.
import { requireViewedLearner } from "../auth/access";
import type { SignedIn } from "../auth/session";
import { AppError } from "../errors";
import { type Actor, assertActsFor } from "../auth/actor";
import { lockLearner, type Tx } from "../db";

export type LibraryOwner = { learnerId: string; learnerName: string; programSlug: string; canEdit: boolean };

/** The library to show: the viewed learner's (see `viewedLearner`). */
export async function libraryFor(signedIn: SignedIn, requested?: string): Promise<LibraryOwner> {
  const chosen = await requireViewedLearner(signedIn, requested);
  return { learnerId: chosen.id, learnerName: chosen.name, programSlug: chosen.programSlug, canEdit: chosen.own };
}

/** The learner profile a change is for, after taking its lock and checking the actor works on it. */
export async function ownLibrary(tx: Tx, actor: Actor, learnerId: string) {
  await lockLearner(tx, learnerId);
  const learner = await tx.learner.findUnique({ where: { id: learnerId } });
  if (!learner) throw new AppError("not-found", "No such learner profile.", { learnerId: "unknown learner" });
  assertActsFor(actor, learner);
  return learner;
}
