// The signed-in person, from a sealed httpOnly SameSite cookie; every page, action and API
// handler asks here, so authorization is checked on the server for every request.
import { getIronSession } from "iron-session";
import { cookies } from "next/headers";
import { cache } from "react";
import { AppError } from "../errors";
import type { Actor } from "../packets/transitions";
import { getUser, type Role } from "./people";
import { type SessionData, sessionOptions } from "./session-cookie";

export async function session() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/**
 * A signed-in person acts as a learner on their own profiles; a reviewer also acts as a
 * reviewer on other people's packets (never on their own, which the rules refuse).
 */
export type SignedIn = {
  user: NonNullable<Awaited<ReturnType<typeof getUser>>>;
  asLearner: Actor;
  asReviewer: Actor | null;
  learnerId: string | undefined;
};

/** Read once per request, however many components ask. */
export const currentUser = cache(async (): Promise<SignedIn | null> => {
  const s = await session();
  if (!s.userId) return null;
  const user = await getUser(s.userId);
  if (!user) return null;
  return {
    user,
    asLearner: { kind: "learner", userId: user.id, label: user.name },
    asReviewer: user.role === "reviewer" ? { kind: "reviewer", userId: user.id, label: user.name } : null,
    learnerId: s.learnerId,
  };
});

export async function requireUser(role?: Role): Promise<SignedIn> {
  const signedIn = await currentUser();
  if (!signedIn) throw new AppError("unauthenticated", "Sign in first.");
  if (role && signedIn.user.role !== role) {
    throw new AppError("forbidden", role === "reviewer" ? "Only a signed-in reviewer can do this." : "Only a learner can do this.", {}, `${role}-only`);
  }
  return signedIn;
}

export async function startSession(userId: string, learnerId?: string) {
  const s = await session();
  s.userId = userId;
  s.learnerId = learnerId;
  await s.save();
}

export async function endSession() {
  (await session()).destroy();
}
