// Which learner profiles a signed-in person may read and work on: the one access rule that every
// page, action, route handler and the API asks. A person reads their own profiles, and a reviewer
// reads every learner's; only a profile's owner (or a token of that profile) writes to it.
import { cache } from "react";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { LearnerRef } from "./actor";
import type { SignedIn } from "./session";

type LearnerRow = Prisma.LearnerGetPayload<object>;

/** A learner profile as the person looking at it sees it: `own` when they work on it themselves. */
export type ViewedLearner = LearnerRow & { own: boolean };

/** Whether the signed-in person may read this learner's data. */
export function mayRead(signedIn: SignedIn, learner: LearnerRef): boolean {
  return signedIn.asReviewer !== null || learner.ownerId === signedIn.user.id;
}

/** Every profile the person may read, by name; read once per request, however many parts of a page ask. */
export const readableLearners = cache(async (signedIn: SignedIn): Promise<LearnerRow[]> => {
  const client = await db();
  return client.learner.findMany({ where: signedIn.asReviewer ? {} : { ownerId: signedIn.user.id }, orderBy: { name: "asc" } });
});

/** The learner whose packet has waited longest for a review, among these. */
async function longestWaiting(learners: LearnerRow[]): Promise<LearnerRow | undefined> {
  const packet = await (
    await db()
  ).packet.findFirst({
    where: { status: "review_required", learnerId: { in: learners.map((l) => l.id) } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { learnerId: true },
  });
  return learners.find((l) => l.id === packet?.learnerId);
}

/**
 * The learner a page shows. The one default, when no learner is asked for: the profile this
 * session works on, else the person's own first profile, else (for a reviewer with no profile of
 * their own) the learner whose packet has waited longest for review, else the first learner they
 * can read, by name; null when there is none at all. Asking for a learner the person may not
 * read is refused.
 */
export async function viewedLearner(signedIn: SignedIn, requested?: string): Promise<ViewedLearner | null> {
  const learners = await readableLearners(signedIn);
  const own = learners.filter((l) => l.ownerId === signedIn.user.id);
  const chosen = requested
    ? learners.find((l) => l.id === requested)
    : (own.find((l) => l.id === signedIn.learnerId) ?? own[0] ?? (await longestWaiting(learners)) ?? learners[0]);
  if (!chosen) {
    if (requested) throw new AppError("forbidden", "You cannot read this learner's data.", { learner: "not a learner you can see" });
    return null;
  }
  return { ...chosen, own: chosen.ownerId === signedIn.user.id };
}

/** As `viewedLearner`, for a page or download that needs one: no profile at all is "not found". */
export async function requireViewedLearner(signedIn: SignedIn, requested?: string): Promise<ViewedLearner> {
  const chosen = await viewedLearner(signedIn, requested);
  if (!chosen) throw new AppError("not-found", "There is no learner profile yet.", { learner: "choose a learner" });
  return chosen;
}

function noLearnerProfile(): AppError {
  return new AppError(
    "forbidden",
    "You have no learner profile: sign in as a learner to work on your own packets, plans, log and library.",
    {},
    "no-learner-profile",
  );
}

/** The profile this session works on, which the person's own writes go to. */
export function ownLearnerId(signedIn: SignedIn): string {
  if (!signedIn.learnerId) throw noLearnerProfile();
  return signedIn.learnerId;
}

/** The profile this session works on, if there is one and the person still owns it. */
export async function sessionLearner(signedIn: SignedIn | null): Promise<LearnerRow | null> {
  if (!signedIn?.learnerId) return null;
  const learner = await (await db()).learner.findUnique({ where: { id: signedIn.learnerId } });
  return learner && learner.ownerId === signedIn.user.id ? learner : null;
}

/** As `sessionLearner`, for a caller that needs it: no such profile is refused. */
export async function ownLearner(signedIn: SignedIn): Promise<LearnerRow> {
  const learner = await sessionLearner(signedIn);
  if (!learner) throw noLearnerProfile();
  return learner;
}
