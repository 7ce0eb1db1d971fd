// Expected failures as typed errors: each maps to a form message with field errors and to an
// HTTP answer with a JSON body naming the field. Anything else is a bug and reaches error.tsx.
import type { ZodError } from "zod";

export type ErrorCode =
  | "invalid"
  | "forbidden"
  | "refused"
  | "not-found"
  | "conflict"
  | "rate-limited"
  | "unauthenticated"
  | "too-large"
  | "unsupported-media-type";

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  refused: 409,
  "too-large": 413,
  "unsupported-media-type": 415,
  "rate-limited": 429,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    /** Machine-readable reason, e.g. the refused rule. */
    readonly reason?: string,
    readonly missing?: string[],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }

  /** One message per field; `root` names a problem with the value as a whole. */
  static fromZod(error: ZodError, message = "Some fields need attention.", root = "form"): AppError {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) fieldErrors[[...issue.path, key].join(".")] ??= "unknown field";
        continue;
      }
      const key = issue.path.join(".") || root;
      fieldErrors[key] ??= issue.message;
    }
    return new AppError("invalid", message, fieldErrors);
  }

  toJSON() {
    return {
      error: {
        code: this.reason ?? this.code,
        message: this.message,
        ...(Object.keys(this.fieldErrors).length > 0 ? { fields: this.fieldErrors } : {}),
        ...(this.missing ? { missing: this.missing } : {}),
      },
    };
  }

  /** The JSON answer of a route handler: this error's status (or `status`), the body naming the fields, never cached. */
  toResponse(status = this.status): Response {
    return Response.json(this.toJSON(), { status, headers: { "cache-control": "no-store" } });
  }
}

/** Prisma's unique-constraint violation, recognised by its error code. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
