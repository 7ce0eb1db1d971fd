// Per-learner API tokens: a random secret shown once, kept only as its sha256, acting as the
// learner profile it belongs to until it is revoked.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db, transaction } from "../db";
import { AppError } from "../errors";

const TOKEN_PREFIX = "mastery_";
/** How much of a token lists show, to tell tokens apart without revealing them. */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 6;
const TOKEN_PATTERN = /^mastery_[A-Za-z0-9_-]{43}$/;
export const MAX_ACTIVE_TOKENS = 20;
/** Last-used times are kept to the minute: a busy agent does not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function tokenPrefix(secret: string): string {
  return secret.slice(0, SHOWN_LENGTH);
}

const CreateTokenSchema = z.object({
  learnerId: z.string().min(1, "choose a learner profile"),
  name: z
    .string()
    .trim()
    .min(2, "name the token after what uses it, e.g. ci-agent")
    .max(60, "use at most 60 characters")
    .regex(/^[\w .:@/-]+$/, "use letters, digits, spaces and . _ - : @ /"),
});

/** Creates a token for one of the user's own learner profiles; the secret is returned only here. */
export async function createApiToken(userId: string, input: z.input<typeof CreateTokenSchema>) {
  const parsed = CreateTokenSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The token was not created: some fields need attention.");
  const { learnerId, name } = parsed.data;
  return transaction(async (tx) => {
    const learner = await tx.learner.findUnique({ where: { id: learnerId } });
    if (!learner || learner.ownerId !== userId)
      throw new AppError("forbidden", "You can only create tokens for your own learner profile.", { learnerId: "not your profile" });
    const active = await tx.apiToken.count({ where: { learnerId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS)
      throw new AppError(
        "refused",
        `A profile can have at most ${MAX_ACTIVE_TOKENS} active tokens: revoke one first.`,
        {},
        "too-many-tokens",
      );
    const secret = newTokenSecret();
    const token = await tx.apiToken.create({ data: { learnerId, name, prefix: tokenPrefix(secret), hash: hashToken(secret) } });
    return { token, secret };
  });
}

/** The tokens of every learner profile the user owns, newest first. */
export async function listApiTokens(userId: string) {
  const client = await db();
  return client.apiToken.findMany({
    where: { learner: { ownerId: userId } },
    include: { learner: { select: { name: true, programSlug: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(userId: string, tokenId: string, now = new Date()) {
  const client = await db();
  const token = await client.apiToken.findUnique({ where: { id: tokenId }, include: { learner: true } });
  if (!token || token.learner.ownerId !== userId) throw new AppError("not-found", "No such token among yours.");
  if (token.revokedAt) return token;
  return client.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
}

/** The token a bearer secret belongs to, refused when unknown or revoked; notes when it was used. */
export async function authenticateToken(secret: string, now = new Date()) {
  const invalid = new AppError(
    "unauthenticated",
    "This API token is not valid. Create one on the Settings page, under API tokens.",
    {},
    "invalid-token",
  );
  if (!TOKEN_PATTERN.test(secret)) throw invalid;
  const client = await db();
  const token = await client.apiToken.findUnique({
    where: { hash: hashToken(secret) },
    include: { learner: { include: { owner: { select: { timeZone: true } } } } },
  });
  if (!token) throw invalid;
  if (token.revokedAt)
    throw new AppError(
      "unauthenticated",
      `This API token (${token.prefix}…) was revoked. Create a new one on the Settings page.`,
      {},
      "token-revoked",
    );
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await client.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return token;
}
