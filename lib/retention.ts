// Records that only matter for a while, and how long they are kept: sign-in attempts (the
// progressive delay reads the last few minutes of them), the stored answers of idempotent API
// writes (replayed when a request is retried) and of submitted forms (replayed on a double
// submit). Older ones are pruned when the app starts.
import { db } from "./db";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sign-in attempts are kept this many days, far beyond the delay's window. */
export const SIGN_IN_ATTEMPT_RETENTION_DAYS = 30;

/** A write sent with an Idempotency-Key replays its first answer for this many days. */
export const IDEMPOTENT_ANSWER_RETENTION_DAYS = 30;

const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Deletes sign-in attempts older than the retention period; returns how many. */
export async function pruneSignInAttempts(now = new Date()): Promise<number> {
  const { count } = await (
    await db()
  ).signInAttempt.deleteMany({ where: { createdAt: { lt: before(now, SIGN_IN_ATTEMPT_RETENTION_DAYS) } } });
  return count;
}

/** Deletes stored idempotent answers older than the retention period; returns how many. */
export async function pruneIdempotentAnswers(now = new Date()): Promise<number> {
  const { count } = await (
    await db()
  ).idempotentRequest.deleteMany({ where: { createdAt: { lt: before(now, IDEMPOTENT_ANSWER_RETENTION_DAYS) } } });
  return count;
}

/** A form's answer is replayed to a repeat of its submission for this many days. */
export const FORM_ANSWER_RETENTION_DAYS = 1;

/** Deletes stored form answers older than the retention period; returns how many. */
export async function pruneFormAnswers(now = new Date()): Promise<number> {
  const { count } = await (await db()).formSubmission.deleteMany({ where: { createdAt: { lt: before(now, FORM_ANSWER_RETENTION_DAYS) } } });
  return count;
}
