// People: first-start setup of a learner and a reviewer, sign-in with rate limiting, and the
// learner profiles a user works in.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getProgram } from "../content";
import { db, lockName, transaction } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { canonicalTimeZone, systemTimeZone } from "../time/zone";
import { hashPassphrase, verifyPassphrase } from "./passphrase";

const ROLES = ["learner", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

const coolingOff = z.coerce
  .number({ error: "enter a number of hours" })
  .int("use whole hours")
  .min(0, "use 0 to 168 hours")
  .max(168, "use 0 to 168 hours")
  .default(12);
const name = z.string().trim().min(2, "use at least 2 characters").max(60, "use at most 60 characters");
const passphrase = z.string().min(10, "use at least 10 characters").max(200, "use at most 200 characters");
/** A person's time zone: an IANA name the platform knows, stored as its canonical spelling; the server's zone when none is given. */
const timeZone = z
  .string({ error: "choose a time zone" })
  .trim()
  .max(100, "choose a time zone from the list")
  .optional()
  .transform((name, ctx) => {
    if (!name) return systemTimeZone();
    const canonical = canonicalTimeZone(name);
    if (canonical) return canonical;
    ctx.addIssue({ code: "custom", message: "not a time zone: choose one from the list, such as Europe/Berlin or UTC" });
    return z.NEVER;
  });

const SetupSchema = z
  .object({
    learnerName: name,
    learnerPassphrase: passphrase,
    reviewerName: name,
    reviewerPassphrase: passphrase,
    programSlug: z.string().min(1, "choose a program"),
    soloMode: z.coerce.boolean().default(false),
    coolingOffHours: coolingOff,
    timeZone,
  })
  .refine((v) => v.learnerName.toLowerCase() !== v.reviewerName.toLowerCase(), {
    message: "the reviewer must be a different person from the learner",
    path: ["reviewerName"],
  });
export type SetupInput = z.input<typeof SetupSchema>;

export async function hasAnyUser(): Promise<boolean> {
  return (await (await db()).user.count()) > 0;
}

/** Creates the first learner (with their profile) and the first reviewer; only once. */
export async function runFirstSetup(input: SetupInput) {
  const parsed = SetupSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const v = parsed.data;
  if (!getProgram(v.programSlug)) throw new AppError("invalid", "Choose a program that exists.", { programSlug: "unknown program" });
  const [learnerHash, reviewerHash] = await Promise.all([hashPassphrase(v.learnerPassphrase), hashPassphrase(v.reviewerPassphrase)]);
  return transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new AppError("conflict", "Setup is already done: sign in instead.");
    const learner = await tx.user.create({
      data: { name: v.learnerName, role: "learner", passphraseHash: learnerHash, timeZone: v.timeZone },
    });
    const reviewer = await tx.user.create({
      data: { name: v.reviewerName, role: "reviewer", passphraseHash: reviewerHash, timeZone: v.timeZone },
    });
    const profile = await tx.learner.create({
      data: {
        name: v.learnerName,
        ownerId: learner.id,
        programSlug: v.programSlug,
        soloMode: v.soloMode,
        coolingOffHours: v.coolingOffHours,
      },
    });
    return { learner, reviewer, profile };
  });
}

/**
 * Unattended installs: when no one exists yet and the MASTERY_SETUP_* variables are all set,
 * the first learner and reviewer are created from them. Returns whether setup ran.
 */
export async function setupFromEnvironment(vars: Record<string, string | undefined>, defaultProgram: string): Promise<boolean> {
  const names = [
    "MASTERY_SETUP_LEARNER_NAME",
    "MASTERY_SETUP_LEARNER_PASSPHRASE",
    "MASTERY_SETUP_REVIEWER_NAME",
    "MASTERY_SETUP_REVIEWER_PASSPHRASE",
  ];
  if (!names.every((n) => vars[n]) || (await hasAnyUser())) return false;
  await runFirstSetup({
    learnerName: vars.MASTERY_SETUP_LEARNER_NAME!,
    learnerPassphrase: vars.MASTERY_SETUP_LEARNER_PASSPHRASE!,
    reviewerName: vars.MASTERY_SETUP_REVIEWER_NAME!,
    reviewerPassphrase: vars.MASTERY_SETUP_REVIEWER_PASSPHRASE!,
    programSlug: vars.MASTERY_SETUP_PROGRAM ?? defaultProgram,
    soloMode: vars.MASTERY_SETUP_SOLO === "true",
  });
  return true;
}

const UserSchema = z.object({ name, passphrase, role: z.enum(ROLES, { error: "choose learner or reviewer" }), timeZone });

export async function createUser(input: z.input<typeof UserSchema> | Record<string, unknown>) {
  const parsed = UserSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  try {
    return await (
      await db()
    ).user.create({
      data: {
        name: parsed.data.name,
        role: parsed.data.role,
        timeZone: parsed.data.timeZone,
        passphraseHash: await hashPassphrase(parsed.data.passphrase),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid", "That name is taken.", { name: "that name is taken" });
    throw error;
  }
}

const ProfileSchema = z.object({
  programSlug: z.string().min(1, "choose a program"),
  soloMode: z.coerce.boolean().default(false),
  coolingOffHours: coolingOff,
});

/** A learner profile in a program for an existing user (a reviewer may have one of their own). */
export async function addLearnerProfile(userId: string, input: z.input<typeof ProfileSchema>) {
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  if (!getProgram(parsed.data.programSlug))
    throw new AppError("invalid", "Choose a program that exists.", { programSlug: "unknown program" });
  const client = await db();
  const user = await client.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("not-found", "No such person.", { userId: "unknown person" });
  try {
    return await client.learner.create({ data: { name: user.name, ownerId: user.id, ...parsed.data } });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("invalid", "This person already has a profile in that program.", { programSlug: "already has a profile here" });
    throw error;
  }
}

export async function listPeople() {
  return (await db()).user.findMany({ orderBy: { name: "asc" }, include: { learners: true } });
}

const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed passphrases a name may try from one client before each next try has to wait. */
export const SIGN_IN_FREE_FAILURES = 5;
const SIGN_IN_FIRST_DELAY_SECONDS = 30;
const SIGN_IN_MAX_DELAY_SECONDS = 15 * 60;

/**
 * How long a client must wait before its next passphrase for a name: nothing for the first five
 * failures in a row, then 30 s, 1, 2, 4 … minutes after the latest one, at most 15 minutes. A success
 * starts the count again; failures older than 15 minutes are forgotten.
 */
export function signInDelaySeconds(recent: readonly { succeeded: boolean; createdAt: Date }[], now: Date): number {
  const newestFirst = recent
    .filter((a) => now.getTime() - a.createdAt.getTime() < SIGN_IN_WINDOW_MS)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const streak = newestFirst.findIndex((a) => a.succeeded);
  const failures = streak === -1 ? newestFirst.length : streak;
  if (failures < SIGN_IN_FREE_FAILURES) return 0;
  const delay = Math.min(SIGN_IN_FIRST_DELAY_SECONDS * 2 ** (failures - SIGN_IN_FREE_FAILURES), SIGN_IN_MAX_DELAY_SECONDS);
  const waited = (now.getTime() - newestFirst[0]!.createdAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - waited));
}

/** Who is trying: a browser that signed in as this name before (its device cookie), or any other. */
export type SignInClient = { knownDevice: string | null };
const UNKNOWN_CLIENT = "unknown";

/**
 * Checks a name's passphrase, with the progressive delay per name and client. The delay is
 * checked and the attempt recorded in one write transaction before the passphrase is hashed, so
 * simultaneous attempts cannot all slip through before the first is counted.
 */
async function checkPassphrase(name: string, passphrase: string, client: SignInClient, now: Date) {
  const key = name.toLowerCase();
  const bucket = client.knownDevice ? `device:${client.knownDevice}` : UNKNOWN_CLIENT;
  const attempt = await transaction(async (tx) => {
    // Attempts on one name take turns, so a burst of guesses cannot all read the same count.
    await lockName(tx, `sign-in:${key}`);
    const recent = await tx.signInAttempt.findMany({
      where: { name: key, client: bucket, createdAt: { gte: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } },
      orderBy: { createdAt: "desc" },
      take: 64,
      select: { succeeded: true, createdAt: true },
    });
    const wait = signInDelaySeconds(recent, now);
    if (wait > 0) {
      throw new AppError("rate-limited", `Too many failed sign-ins for this name. Try again in ${wait} second${wait === 1 ? "" : "s"}.`, {
        passphrase: `wait ${wait} second${wait === 1 ? "" : "s"} before the next try`,
      });
    }
    return tx.signInAttempt.create({ data: { name: key, client: bucket, succeeded: false, createdAt: now } });
  });
  const user = await (await db()).user.findUnique({ where: { name } });
  const ok = await verifyPassphrase(passphrase, user?.passphraseHash ?? DUMMY_HASH);
  if (!ok || !user)
    throw new AppError("invalid", "That name and passphrase do not match.", { passphrase: "name and passphrase do not match" });
  await (await db()).signInAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  return user;
}

const SignInSchema = z.object({
  name: z.string().trim().min(1, "enter your name"),
  passphrase: z.string().min(1, "enter your passphrase"),
});

/** Checks a name and passphrase (see checkPassphrase for the delay after failures). */
export async function signIn(input: z.input<typeof SignInSchema>, client: SignInClient = { knownDevice: null }, now = new Date()) {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return checkPassphrase(parsed.data.name, parsed.data.passphrase, client, now);
}

const ChangePassphraseSchema = z
  .object({ currentPassphrase: z.string().min(1, "enter your current passphrase"), passphrase, confirmPassphrase: z.string() })
  .refine((v) => v.confirmPassphrase === v.passphrase, { message: "the two new passphrases differ", path: ["confirmPassphrase"] })
  .refine((v) => v.currentPassphrase !== v.passphrase, { message: "choose a passphrase other than the current one", path: ["passphrase"] });

/** A new passphrase for a signed-in user, who proves the current one (delayed after failures like a sign-in). */
export async function changePassphrase(
  userId: string,
  input: z.input<typeof ChangePassphraseSchema> | Record<string, unknown>,
  client: SignInClient,
  now = new Date(),
) {
  const parsed = ChangePassphraseSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const user = await getUser(userId);
  if (!user) throw new AppError("unauthenticated", "Sign in first.");
  try {
    await checkPassphrase(user.name, parsed.data.currentPassphrase, client, now);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid")
      throw new AppError("invalid", "Your current passphrase is not right.", { currentPassphrase: "not your current passphrase" });
    throw error;
  }
  await (await db()).user.update({ where: { id: userId }, data: { passphraseHash: await hashPassphrase(parsed.data.passphrase) } });
}

// Verifying against a fixed hash when the name is unknown keeps the timing the same.
const DUMMY_HASH = `scrypt$16384$8$1$${randomBytes(16).toString("base64")}$${randomBytes(64).toString("base64")}`;

const TimeZoneSchema = z.object({ timeZone });

/** The zone a person's days and weeks fall in, and their clock times are shown in. */
export async function setTimeZone(userId: string, input: z.input<typeof TimeZoneSchema> | Record<string, unknown>) {
  const parsed = TimeZoneSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The time zone was not changed: choose one from the list.");
  return (await db()).user.update({ where: { id: userId }, data: { timeZone: parsed.data.timeZone }, select: { timeZone: true } });
}

/** The time zone of the person who owns a learner profile: the learner's days fall in it. */
export async function learnerTimeZone(learnerId: string): Promise<string> {
  const learner = await (await db()).learner.findUnique({ where: { id: learnerId }, select: { owner: { select: { timeZone: true } } } });
  if (!learner) throw new AppError("not-found", "No such learner profile.", { learner: "unknown learner profile" });
  return learner.owner.timeZone;
}

export async function getUser(id: string) {
  return (await db()).user.findUnique({ where: { id } });
}

export async function learnerProfilesOf(userId: string) {
  return (await db()).learner.findMany({ where: { ownerId: userId }, orderBy: { createdAt: "asc" } });
}
