// Signed-in browsers as rows: the sealed cookie names one, and a request counts as signed in only
// while its row is not revoked. Sign-out revokes this browser's row; a passphrase change and
// "sign out everywhere" revoke the user's other rows (or all of them).
import { randomBytes } from "node:crypto";
import { db } from "../db";

/** How often a session's "last active" time is written, at most. */
const SEEN_EVERY_MS = 10 * 60 * 1000;

/** A new session; its id is 256 random bits, so even someone holding the cookie key cannot name a live one. */
export async function openSession(userId: string, userAgent: string) {
  return (await db()).session.create({ data: { id: randomBytes(32).toString("base64url"), userId, userAgent: userAgent.slice(0, 300) } });
}

/** The session, with its user, if it is live and belongs to `userId`; notes when it was last used. */
export async function liveSession(sessionId: string, userId: string, now = new Date()) {
  const client = await db();
  const row = await client.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!row || row.userId !== userId || row.revokedAt !== null) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await client.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return row;
}

export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await (await db()).session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Revokes every live session of a user but `keep`; returns how many were revoked. */
export async function revokeSessionsOf(userId: string, keep?: string, now = new Date()): Promise<number> {
  const { count } = await (await db()).session.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

export async function liveSessionsOf(userId: string) {
  return (await db()).session.findMany({ where: { userId, revokedAt: null }, orderBy: { lastSeenAt: "desc" } });
}
