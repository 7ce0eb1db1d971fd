// Sign-in attempts and stored idempotent answers older than their retention period are pruned; newer ones stay.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../test/database";

withTestDatabase("retention-test-");
const { db } = await import("./db");
const {
  FORM_ANSWER_RETENTION_DAYS,
  IDEMPOTENT_ANSWER_RETENTION_DAYS,
  pruneFormAnswers,
  pruneIdempotentAnswers,
  pruneSignInAttempts,
  SIGN_IN_ATTEMPT_RETENTION_DAYS,
} = await import("./retention");

const NOW = new Date("2026-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

describe("retention", () => {
  it("prunes sign-in attempts older than the retention period and keeps the rest", async () => {
    const client = await db();
    const ages = { old: SIGN_IN_ATTEMPT_RETENTION_DAYS + 1, edge: SIGN_IN_ATTEMPT_RETENTION_DAYS - 0.01, recent: 0 };
    for (const [name, days] of Object.entries(ages))
      await client.signInAttempt.create({ data: { name, succeeded: false, createdAt: daysAgo(days) } });
    expect(await pruneSignInAttempts(NOW)).toBe(1);
    expect((await client.signInAttempt.findMany({ orderBy: { name: "asc" } })).map((row) => row.name)).toEqual(["edge", "recent"]);
    expect(await pruneSignInAttempts(NOW)).toBe(0);
  });

  it("prunes stored idempotent answers older than the retention period and keeps the rest", async () => {
    const client = await db();
    const user = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
    const learner = await client.learner.create({ data: { name: "Ada", ownerId: user.id, programSlug: "codex-mastery" } });
    const ages = { old: IDEMPOTENT_ANSWER_RETENTION_DAYS + 1, edge: IDEMPOTENT_ANSWER_RETENTION_DAYS - 0.01, recent: 0 };
    for (const [key, days] of Object.entries(ages)) {
      await client.idempotentRequest.create({
        data: {
          learnerId: learner.id,
          key,
          method: "POST",
          path: "/api/v1/x",
          requestHash: "h",
          status: 201,
          response: "{}",
          createdAt: daysAgo(days),
        },
      });
    }
    expect(await pruneIdempotentAnswers(NOW)).toBe(1);
    expect((await client.idempotentRequest.findMany({ orderBy: { key: "asc" } })).map((row) => row.key)).toEqual(["edge", "recent"]);
  });

  it("prunes stored form answers older than the retention period and keeps the rest", async () => {
    const client = await db();
    const ages = { old: FORM_ANSWER_RETENTION_DAYS + 1, edge: FORM_ANSWER_RETENTION_DAYS - 0.01, recent: 0 };
    for (const [key, days] of Object.entries(ages))
      await client.formSubmission.create({ data: { userId: "u", key, answer: "{}", createdAt: daysAgo(days) } });
    expect(await pruneFormAnswers(NOW)).toBe(1);
    expect((await client.formSubmission.findMany({ orderBy: { key: "asc" } })).map((row) => row.key)).toEqual(["edge", "recent"]);
  });
});
