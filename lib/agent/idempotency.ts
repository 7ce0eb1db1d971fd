// Idempotent writes: the first answer to a request sent with an Idempotency-Key is stored with a
// fingerprint of the request, in the same transaction as the write itself, so a retry replays it
// instead of writing twice, and a different request under the same key is refused.
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors";
import { lockLearner, transaction } from "../db";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, "use 1–200 visible ASCII characters, e.g. a UUID");

/** A stable text form of a value: object keys sorted, bytes by their checksum. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify({ sha256: createHash("sha256").update(value).digest("hex") });
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestFingerprint(request: { method: string; path: string; input: unknown }): string {
  return createHash("sha256")
    .update(`${request.method} ${request.path}\n${canonicalJson(request.input)}`)
    .digest("hex");
}

export type Answer = { status: number; body: string };

/**
 * Runs `write` once per (learner, key): its answer is stored in the same transaction, so either
 * both the write and the stored answer commit or neither does (a refused request can be retried).
 */
export async function onceForKey(
  scope: { learnerId: string; key: string; method: string; path: string; fingerprint: string },
  write: () => Promise<Answer>,
): Promise<Answer & { replayed: boolean }> {
  return transaction(async (tx) => {
    // First the learner's lock: a retry sent while the first request still runs waits for it and
    // then replays its stored answer, instead of writing a second time.
    await lockLearner(tx, scope.learnerId);
    const earlier = await tx.idempotentRequest.findUnique({ where: { learnerId_key: { learnerId: scope.learnerId, key: scope.key } } });
    if (earlier) {
      if (earlier.requestHash !== scope.fingerprint) {
        throw new AppError(
          "conflict",
          `This ${IDEMPOTENCY_HEADER} was already used for a different request (${earlier.method} ${earlier.path}). Use a new key for a new request.`,
          { [IDEMPOTENCY_HEADER]: "already used for a different request" },
          "idempotency-key-reused",
        );
      }
      return { status: earlier.status, body: earlier.response, replayed: true };
    }
    const answer = await write();
    await tx.idempotentRequest.create({
      data: {
        learnerId: scope.learnerId,
        key: scope.key,
        method: scope.method,
        path: scope.path,
        requestHash: scope.fingerprint,
        status: answer.status,
        response: answer.body,
      },
    });
    return { ...answer, replayed: false };
  });
}
