// API tokens against a real SQLite database: shown once, stored hashed, refused when revoked.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("tokens-test-");
const { db } = await import("../db");
const { authenticateToken, createApiToken, hashToken, LAST_USED_RESOLUTION_MS, listApiTokens, MAX_ACTIVE_TOKENS, revokeApiToken, tokenPrefix } = await import("./tokens");

let ada: { userId: string; learnerId: string };
let bo: { userId: string; learnerId: string };

async function person(name: string) {
  const client = await db();
  const user = await client.user.create({ data: { name, role: "learner", passphraseHash: "x" } });
  const learner = await client.learner.create({ data: { name, ownerId: user.id, programSlug: "codex-mastery" } });
  return { userId: user.id, learnerId: learner.id };
}

async function expectAppError(promise: Promise<unknown>, code: string, reason?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "AppError", code, ...(reason ? { reason } : {}) });
}

beforeAll(async () => {
  ada = await person("Ada");
  bo = await person("Bo");
});

describe("API tokens", () => {
  it("returns the secret once and keeps only its hash and a short prefix", async () => {
    const { token, secret } = await createApiToken(ada.userId, { learnerId: ada.learnerId, name: "ci-agent" });
    expect(secret).toMatch(/^mastery_[A-Za-z0-9_-]{43}$/);
    const row = await (await db()).apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.hash).toBe(hashToken(secret));
    expect(row.prefix).toBe(tokenPrefix(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(row.prefix.length));
    expect(row.lastUsedAt).toBeNull();
  });

  it("refuses a name that says nothing, and someone else's profile", async () => {
    await expectAppError(createApiToken(ada.userId, { learnerId: ada.learnerId, name: " " }), "invalid");
    await expectAppError(createApiToken(ada.userId, { learnerId: bo.learnerId, name: "sneaky" }), "forbidden");
  });

  it("authenticates as its learner and notes the last use to the minute", async () => {
    const { token, secret } = await createApiToken(ada.userId, { learnerId: ada.learnerId, name: "laptop" });
    const now = new Date("2026-05-01T10:00:00Z");
    expect((await authenticateToken(secret, now)).learner.id).toBe(ada.learnerId);
    const client = await db();
    expect((await client.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(now);
    await authenticateToken(secret, new Date(now.getTime() + 1000));
    expect((await client.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(now);
    const later = new Date(now.getTime() + LAST_USED_RESOLUTION_MS);
    await authenticateToken(secret, later);
    expect((await client.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(later);
  });

  it("refuses unknown, malformed and revoked tokens", async () => {
    await expectAppError(authenticateToken("mastery_" + "A".repeat(43)), "unauthenticated", "invalid-token");
    await expectAppError(authenticateToken("not a token"), "unauthenticated", "invalid-token");
    const { token, secret } = await createApiToken(ada.userId, { learnerId: ada.learnerId, name: "old" });
    await expectAppError(revokeApiToken(bo.userId, token.id), "not-found");
    const revoked = await revokeApiToken(ada.userId, token.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expectAppError(authenticateToken(secret), "unauthenticated", "token-revoked");
    expect((await revokeApiToken(ada.userId, token.id)).revokedAt).toEqual(revoked.revokedAt);
  });

  it("lists only the user's own tokens, newest first", async () => {
    const names = (await listApiTokens(ada.userId)).map((t) => t.name);
    expect(names).toEqual(["old", "laptop", "ci-agent"]);
    expect(await listApiTokens(bo.userId)).toEqual([]);
  });

  it("limits the active tokens of a profile", async () => {
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) await createApiToken(bo.userId, { learnerId: bo.learnerId, name: `bulk ${i}` });
    await expectAppError(createApiToken(bo.userId, { learnerId: bo.learnerId, name: "one more" }), "refused", "too-many-tokens");
  });
});
