import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPendingMigrations } from "../../prisma/migrator";

const scratch = mkdtempSync(path.join(tmpdir(), "people-test-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "test.db")}`;
const { db, databasePath } = await import("../db");
const { runFirstSetup, setupFromEnvironment, signIn, SIGN_IN_MAX_FAILURES, createUser } = await import("./people");

beforeAll(async () => {
  await applyPendingMigrations({ dbPath: databasePath() });
});
afterAll(async () => {
  await (await db()).$disconnect();
  rmSync(scratch, { recursive: true, force: true });
});

const setup = {
  learnerName: "Ada",
  learnerPassphrase: "ada-passphrase-1",
  reviewerName: "Rex",
  reviewerPassphrase: "rex-passphrase-1",
  programSlug: "codex-mastery",
};

describe("first setup", () => {
  it("refuses the same person as learner and reviewer, and an unknown program", async () => {
    await expect(runFirstSetup({ ...setup, reviewerName: "ada" })).rejects.toMatchObject({ fieldErrors: { reviewerName: expect.stringMatching(/different person/) } });
    await expect(runFirstSetup({ ...setup, programSlug: "nope" })).rejects.toMatchObject({ fieldErrors: { programSlug: "unknown program" } });
  });

  it("creates the learner with a profile and the reviewer, hashed, and only once", async () => {
    const { learner, reviewer, profile } = await runFirstSetup(setup);
    expect(learner.role).toBe("learner");
    expect(reviewer.role).toBe("reviewer");
    expect(profile).toMatchObject({ ownerId: learner.id, programSlug: "codex-mastery", soloMode: false });
    expect(learner.passphraseHash).not.toContain("ada-passphrase");
    await expect(runFirstSetup(setup)).rejects.toMatchObject({ code: "conflict" });
    expect(await setupFromEnvironment({ MASTERY_SETUP_LEARNER_NAME: "x", MASTERY_SETUP_LEARNER_PASSPHRASE: "y", MASTERY_SETUP_REVIEWER_NAME: "z", MASTERY_SETUP_REVIEWER_PASSPHRASE: "w" }, "codex-mastery")).toBe(false);
  });

  it("refuses a taken name for a new user", async () => {
    await expect(createUser({ name: "Ada", passphrase: "another-passphrase", role: "learner" })).rejects.toMatchObject({ fieldErrors: { name: "that name is taken" } });
  });
});

describe("sign-in", () => {
  it("accepts the right passphrase and refuses a wrong one without saying which part was wrong", async () => {
    expect((await signIn({ name: "Ada", passphrase: "ada-passphrase-1" })).name).toBe("Ada");
    await expect(signIn({ name: "Ada", passphrase: "wrong" })).rejects.toMatchObject({ message: "That name and passphrase do not match." });
    await expect(signIn({ name: "Nobody", passphrase: "wrong" })).rejects.toMatchObject({ message: "That name and passphrase do not match." });
  });

  it("locks a name after repeated failures, even for the right passphrase, until the window passes", async () => {
    const now = new Date();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) await signIn({ name: "Rex", passphrase: "nope" }, now).catch(() => null);
    await expect(signIn({ name: "Rex", passphrase: "rex-passphrase-1" }, now)).rejects.toMatchObject({ code: "rate-limited" });
    const later = new Date(now.getTime() + 16 * 60 * 1000);
    expect((await signIn({ name: "Rex", passphrase: "rex-passphrase-1" }, later)).name).toBe("Rex");
  });
});

describe("unattended setup", () => {
  it("creates the first people from MASTERY_SETUP_* variables on an empty database", async () => {
    const client = await db();
    await client.$executeRawUnsafe("DELETE FROM SignInAttempt");
    await client.$executeRawUnsafe("DELETE FROM Learner");
    await client.$executeRawUnsafe("DELETE FROM User");
    const vars = {
      MASTERY_SETUP_LEARNER_NAME: "Lena",
      MASTERY_SETUP_LEARNER_PASSPHRASE: "lena-passphrase-1",
      MASTERY_SETUP_REVIEWER_NAME: "Raj",
      MASTERY_SETUP_REVIEWER_PASSPHRASE: "raj-passphrase-1",
      MASTERY_SETUP_SOLO: "true",
    };
    expect(await setupFromEnvironment(vars, "codex-mastery")).toBe(true);
    expect((await client.learner.findFirstOrThrow()).soloMode).toBe(true);
    expect((await signIn({ name: "Raj", passphrase: "raj-passphrase-1" })).role).toBe("reviewer");
  });
});
