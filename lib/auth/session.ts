// The signed-in person, from a sealed httpOnly SameSite cookie; every page, action and API
// handler asks here, so authorization is checked on the server for every request.
import { randomUUID } from "node:crypto";
import { getIronSession, sealData, unsealData } from "iron-session";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { AppError } from "../errors";
import { getUser, type Role, type SignInClient } from "./people";
import { sessionSecret } from "./secrets";
import { openSessionCookie, type SessionData, sessionOptions } from "./session-cookie";
import { liveSession, openSession, revokeSession } from "./sessions";
import type { Actor } from "./actor";

async function session() {
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
  sessionId: string;
};

/** Read once per request, however many components ask. */
export const currentUser = cache(async (): Promise<SignedIn | null> => {
  const value = (await cookies()).get(sessionOptions().cookieName)?.value;
  const s: SessionData = value ? await openSessionCookie(value) : {};
  if (!s.userId || !s.sessionId) return null;
  const live = await liveSession(s.sessionId, s.userId);
  if (!live) return null;
  const { user } = live;
  return {
    user,
    asLearner: { kind: "learner", userId: user.id, label: user.name },
    asReviewer: user.role === "reviewer" ? { kind: "reviewer", userId: user.id, label: user.name } : null,
    learnerId: s.learnerId,
    sessionId: live.id,
  };
});

export async function requireUser(role?: Role): Promise<SignedIn> {
  const signedIn = await currentUser();
  if (!signedIn) throw new AppError("unauthenticated", "Sign in first.");
  if (role && signedIn.user.role !== role) {
    throw new AppError(
      "forbidden",
      role === "reviewer" ? "Only a signed-in reviewer can do this." : "Only a learner can do this.",
      {},
      `${role}-only`,
    );
  }
  return signedIn;
}

/** Signs this browser in: a new session row, named by the sealed cookie. */
export async function startSession(userId: string, learnerId?: string) {
  const row = await openSession(userId, (await headers()).get("user-agent") ?? "");
  const s = await session();
  s.sessionId = row.id;
  s.userId = userId;
  s.learnerId = learnerId;
  await s.save();
}

/** Signs this browser out: its session row is revoked, so a copy of the cookie stops working too. */
export async function endSession() {
  const s = await session();
  if (s.sessionId) await revokeSession(s.sessionId);
  s.destroy();
}

// The device cookie: a browser that signed in as a name keeps its own sign-in delay for that name,
// so other people's wrong guesses never hold it up (see checkPassphrase in people.ts).
const DEVICE_COOKIE = "mastery_device";
const DEVICE_MAX_AGE = 60 * 60 * 24 * 365;
type Device = { id: string; names: string[] };

async function readDevice(): Promise<Device | null> {
  const value = (await cookies()).get(DEVICE_COOKIE)?.value;
  if (!value) return null;
  try {
    const device = await unsealData<Partial<Device>>(value, { password: sessionSecret() });
    return typeof device.id === "string" && Array.isArray(device.names) ? { id: device.id, names: device.names } : null;
  } catch {
    return null;
  }
}

/** Who is signing in as `name`: this browser, if it signed in as that name before. */
export async function signInClient(name: string): Promise<SignInClient> {
  const device = await readDevice();
  return { knownDevice: device?.names.includes(name.trim().toLowerCase()) ? device.id : null };
}

/** After a successful sign-in: this browser is known for `name` from now on. */
export async function rememberDevice(name: string): Promise<void> {
  const device = (await readDevice()) ?? { id: randomUUID(), names: [] };
  const names = [...new Set([name.trim().toLowerCase(), ...device.names])].slice(0, 10);
  const sealed = await sealData({ id: device.id, names }, { password: sessionSecret(), ttl: DEVICE_MAX_AGE });
  (await cookies()).set(DEVICE_COOKIE, sealed, { ...sessionOptions().cookieOptions, maxAge: DEVICE_MAX_AGE });
}
