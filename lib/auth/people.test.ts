import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("people-test-");
const { db } = await import("../db");
const {
  runFirstSetup,
  setupFromEnvironment,
  signIn,
  signInDelaySeconds,
  changePassphrase,
  SIGN_IN_FREE_FAILURES,
  createUser,
  setTimeZone,
} = await import("./people");
const { systemTimeZone } = await import("../time/zone");
const unknown = { knownDevice: null };

const setup = {
  learnerName: "Ada",
  learnerPassphrase: "ada-passphrase-1",
  reviewerName: "Rex",
  reviewerPassphrase: "rex-passphrase-1",
  programSlug: "codex-mastery",
};

describe("first setup", () => {
  it("refuses the same person as learner and reviewer, and an unknown program", async () => {
    await expect(runFirstSetup({ ...setup, reviewerName: "ada" })).rejects.toMatchObject({
      fieldErrors: { reviewerName: expect.stringMatching(/different person/) },
    });
    await expect(runFirstSetup({ ...setup, programSlug: "nope" })).rejects.toMatchObject({
      fieldErrors: { programSlug: "unknown program" },
    });
    await expect(runFirstSetup({ ...setup, timeZone: "Europe/Atlantis" })).rejects.toMatchObject({
      fieldErrors: { timeZone: expect.stringMatching(/^not a time zone/) },
    });
  });

  it("creates the learner with a profile and the reviewer, hashed, and only once", async () => {
    const { learner, reviewer, profile } = await runFirstSetup({ ...setup, timeZone: "america/los_angeles" });
    expect([learner.timeZone, reviewer.timeZone]).toEqual(["America/Los_Angeles", "America/Los_Angeles"]);
    expect(learner.role).toBe("learner");
    expect(reviewer.role).toBe("reviewer");
    expect(profile).toMatchObject({ ownerId: learner.id, programSlug: "codex-mastery", soloMode: false });
    expect(learner.passphraseHash).not.toContain("ada-passphrase");
    await expect(runFirstSetup(setup)).rejects.toMatchObject({ code: "conflict" });
    expect(
      await setupFromEnvironment(
        {
          MASTERY_SETUP_LEARNER_NAME: "x",
          MASTERY_SETUP_LEARNER_PASSPHRASE: "y",
          MASTERY_SETUP_REVIEWER_NAME: "z",
          MASTERY_SETUP_REVIEWER_PASSPHRASE: "w",
        },
        "codex-mastery",
      ),
    ).toBe(false);
  });

  it("gives a new person the server's time zone unless one is chosen, and changes it only to a known zone", async () => {
    const sam = await createUser({ name: "Sam", passphrase: "sam-passphrase-1", role: "learner" });
    expect(sam.timeZone).toBe(systemTimeZone());
    const kiri = await createUser({ name: "Kiri", passphrase: "kiri-passphrase-1", role: "learner", timeZone: "Pacific/Kiritimati" });
    expect(kiri.timeZone).toBe("Pacific/Kiritimati");
    expect(await setTimeZone(sam.id, { timeZone: " Europe/Berlin " })).toEqual({ timeZone: "Europe/Berlin" });
    for (const timeZone of ["+05:00", "Berlin", "x".repeat(101)]) {
      await expect(setTimeZone(sam.id, { timeZone })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { timeZone: expect.any(String) },
      });
    }
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: sam.id } })).timeZone).toBe("Europe/Berlin");
  });

  it("refuses a taken name for a new user", async () => {
    await expect(createUser({ name: "Ada", passphrase: "another-passphrase", role: "learner" })).rejects.toMatchObject({
      fieldErrors: { name: "that name is taken" },
    });
  });
});

describe("sign-in", () => {
  it("accepts the right passphrase and refuses a wrong one without saying which part was wrong", async () => {
    expect((await signIn({ name: "Ada", passphrase: "ada-passphrase-1" })).name).toBe("Ada");
    await expect(signIn({ name: "Ada", passphrase: "wrong" })).rejects.toMatchObject({ message: "That name and passphrase do not match." });
    await expect(signIn({ name: "Nobody", passphrase: "wrong" })).rejects.toMatchObject({
      message: "That name and passphrase do not match.",
    });
  });

  it("delays a client's next try progressively after five failures in a row, and forgets them after 15 minutes", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const ago = (seconds: number, succeeded = false) => ({ succeeded, createdAt: new Date(now.getTime() - seconds * 1000) });
    expect(signInDelaySeconds([ago(1), ago(2), ago(3), ago(4)], now)).toBe(0);
    expect(signInDelaySeconds([ago(0), ago(2), ago(3), ago(4), ago(5)], now)).toBe(30);
    expect(signInDelaySeconds([ago(0), ago(1), ago(2), ago(3), ago(4), ago(5), ago(6)], now)).toBe(120);
    expect(signInDelaySeconds([ago(100), ago(101), ago(102), ago(103), ago(104), ago(105), ago(106)], now)).toBe(20);
    expect(
      signInDelaySeconds(
        Array.from({ length: 40 }, (_, i) => ago(i)),
        now,
      ),
    ).toBe(15 * 60);
    expect(signInDelaySeconds([ago(0), ago(1), ago(2, true), ago(3), ago(4), ago(5)], now)).toBe(0);
    expect(signInDelaySeconds([ago(901), ago(902), ago(903), ago(904), ago(905)], now)).toBe(0);
  });

  it("delays, never locks out: another client of the same name is not held up by someone else's guesses", async () => {
    const now = new Date();
    for (let i = 0; i < SIGN_IN_FREE_FAILURES; i++) await signIn({ name: "Rex", passphrase: "nope" }, unknown, now).catch(() => null);
    await expect(signIn({ name: "Rex", passphrase: "rex-passphrase-1" }, unknown, now)).rejects.toMatchObject({ code: "rate-limited" });
    expect((await signIn({ name: "Rex", passphrase: "rex-passphrase-1" }, { knownDevice: "rex-laptop" }, now)).name).toBe("Rex");
    const later = new Date(now.getTime() + 31_000);
    expect((await signIn({ name: "Rex", passphrase: "rex-passphrase-1" }, unknown, later)).name).toBe("Rex");
  });

  it("checks at most five passphrases of a hundred tried at the same moment", async () => {
    await createUser({ name: "Tess", passphrase: "tess-passphrase-1", role: "reviewer" });
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => signIn({ name: "Tess", passphrase: "wrong-guess" }, unknown, now)),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "signed-in"));
    expect(codes.filter((c) => c === "invalid")).toHaveLength(SIGN_IN_FREE_FAILURES);
    expect(codes.filter((c) => c === "rate-limited")).toHaveLength(100 - SIGN_IN_FREE_FAILURES);
    expect(await (await db()).signInAttempt.count({ where: { name: "tess" } })).toBe(SIGN_IN_FREE_FAILURES);
  });

  it("changes a passphrase only for someone who knows the current one", async () => {
    const user = await createUser({ name: "Uma", passphrase: "uma-passphrase-1", role: "learner" });
    const client = { knownDevice: "uma-phone" };
    await expect(
      changePassphrase(
        user.id,
        { currentPassphrase: "wrong", passphrase: "uma-passphrase-2", confirmPassphrase: "uma-passphrase-2" },
        client,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { currentPassphrase: "not your current passphrase" },
    });
    await expect(
      changePassphrase(
        user.id,
        { currentPassphrase: "uma-passphrase-1", passphrase: "uma-passphrase-2", confirmPassphrase: "other-one-2" },
        client,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { confirmPassphrase: "the two new passphrases differ" },
    });
    await changePassphrase(
      user.id,
      { currentPassphrase: "uma-passphrase-1", passphrase: "uma-passphrase-2", confirmPassphrase: "uma-passphrase-2" },
      client,
    );
    await expect(signIn({ name: "Uma", passphrase: "uma-passphrase-1" }, client)).rejects.toMatchObject({ code: "invalid" });
    expect((await signIn({ name: "Uma", passphrase: "uma-passphrase-2" }, client)).name).toBe("Uma");
  });
});

describe("unattended setup", () => {
  it("creates the first people from MASTERY_SETUP_* variables on an empty database", async () => {
    const client = await db();
    await client.$executeRawUnsafe('DELETE FROM "SignInAttempt"');
    await client.$executeRawUnsafe('DELETE FROM "Learner"');
    await client.$executeRawUnsafe('DELETE FROM "User"');
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
