// A form's double submit writes once: each rendering of a form carries a random key, the first
// submission with a key claims it and stores its answer, and a repeat gets that answer back.
import { z } from "zod";
import { db } from "./db";
import { isUniqueViolation } from "./errors";

/** What a finished submission answers, kept to replay: the form state and the page it sent the browser to. */
const StoredAnswerSchema = z.object({ state: z.record(z.string(), z.unknown()), next: z.string().optional() });
export type StoredAnswer<S> = { state: S; next?: string };

const STILL_RUNNING = "This form is still being saved from your first click; reload the page in a moment to see it.";

/**
 * Runs `submit` once per (person, key). A later submission with the same key does not run it and
 * gets the first answer; one that arrives while the first still runs is told so. A submission
 * whose answer is not kept (refused, or a step before a confirmation) frees the key for a retry.
 */
export async function submitOnce<S extends object>(
  userId: string,
  key: string,
  submit: () => Promise<{ answer: StoredAnswer<S>; keep: boolean }>,
  stillRunning: (message: string) => S,
): Promise<StoredAnswer<S>> {
  const client = await db();
  try {
    await client.formSubmission.create({ data: { userId, key } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await client.formSubmission.findUnique({ where: { userId_key: { userId, key } } });
    if (!first?.answer) return { state: stillRunning(STILL_RUNNING) };
    return StoredAnswerSchema.parse(JSON.parse(first.answer)) as StoredAnswer<S>;
  }
  let kept = false;
  try {
    const { answer, keep } = await submit();
    if (keep) {
      await client.formSubmission.update({ where: { userId_key: { userId, key } }, data: { answer: JSON.stringify(answer) } });
      kept = true;
    }
    return answer;
  } finally {
    if (!kept) await client.formSubmission.delete({ where: { userId_key: { userId, key } } });
  }
}
