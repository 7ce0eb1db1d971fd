// Whose library a signed-in person sees and may change: a learner their own profile's; a
// reviewer may also read any learner's (as with the plan log), but only the owner writes.
import type { SignedIn } from "../auth/session";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { readableLearners } from "../log/access";
import type { Actor } from "../packets/transitions";

type Tx = Prisma.TransactionClient;

export type LibraryOwner = { learnerId: string; learnerName: string; programSlug: string; canEdit: boolean };

/** The library to show: the requested learner's if readable, else the signed-in person's own. */
export async function libraryFor(signedIn: SignedIn, requested?: string): Promise<LibraryOwner> {
  const learners = await readableLearners(signedIn);
  const own = learners.filter((l) => l.ownerId === signedIn.user.id);
  const chosen = requested
    ? learners.find((l) => l.id === requested)
    : (own.find((l) => l.id === signedIn.learnerId) ?? own[0] ?? learners[0]);
  if (!chosen)
    throw new AppError(
      requested ? "forbidden" : "not-found",
      requested ? "You cannot read this learner's library." : "There is no learner profile yet.",
    );
  return { learnerId: chosen.id, learnerName: chosen.name, programSlug: chosen.programSlug, canEdit: chosen.ownerId === signedIn.user.id };
}

/** The learner profile a change is for, after checking the actor works on it. */
export async function ownLibrary(tx: Tx, actor: Actor, learnerId: string, tokenLearnerId?: string) {
  const learner = await tx.learner.findUnique({ where: { id: learnerId } });
  if (!learner) throw new AppError("not-found", "No such learner profile.", { learnerId: "unknown learner" });
  const allowed = actor.kind === "agent" ? tokenLearnerId === learner.id : actor.userId === learner.ownerId;
  if (!allowed) throw new AppError("forbidden", "You can only change your own library.");
  return learner;
}

/** The signed-in person's own learner profile, which their library changes go to. */
export function ownLearnerId(signedIn: SignedIn): string {
  if (!signedIn.learnerId) throw new AppError("forbidden", "You have no learner profile: the library belongs to a learner profile.");
  return signedIn.learnerId;
}
