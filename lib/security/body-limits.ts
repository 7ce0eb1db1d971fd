// How large a request may be. Each upload has its documented limit where its rule lives
// (evidence files 10 MB in lib/packets/evidence.ts, library imports 20 MB in
// lib/library/import.ts, learner imports 50 MB in lib/portability/export-format.ts, API bodies
// 1 MB in lib/agent/endpoint.ts), and the code that reads the upload refuses more with a 4xx
// naming that limit. Above them all sits one ceiling: the most any request may carry, which
// Next.js is told (server actions' body limit, the proxy's body copy) and the proxy enforces, so
// that every documented limit is reachable and nothing larger is read at all. No server imports
// (next.config.ts and the proxy read it); a unit test keeps the ceiling above every limit.
import { AppError } from "../errors";
import { fileLimitMessage, megabytes } from "./file-size";

/** Room for a multipart body's other fields, part headers and boundaries around the largest upload. */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

/** The largest request body the app reads: the largest documented upload (a 50 MB learner import) and its form. */
export const MAX_REQUEST_BYTES = 50 * 1024 * 1024 + MULTIPART_OVERHEAD_BYTES;

export type BodySizeVerdict = { ok: true } | { ok: false; status: 411 | 413; message: string };

/**
 * Whether a request's declared size may be read: a body over the ceiling is refused (413) before
 * a byte of it is read; a form post to a page must declare its length (411), as every browser
 * does, because Next.js counts an undeclared server-action body only after reading it and then
 * fails with a 500. API bodies may stream: their reader counts them against their own limit.
 */
export function bodySizeVerdict(method: string, contentLength: string | null, page: boolean): BodySizeVerdict {
  if (method === "GET" || method === "HEAD") return { ok: true };
  if (contentLength === null) {
    return page ? { ok: false, status: 411, message: "Send the form with a Content-Length." } : { ok: true };
  }
  const declared = Number(contentLength);
  if (!Number.isSafeInteger(declared) || declared < 0) return { ok: false, status: 413, message: "The Content-Length is not a number of bytes." };
  if (declared > MAX_REQUEST_BYTES) {
    return {
      ok: false,
      status: 413,
      message: `The request is ${megabytes(declared)}; the most this app accepts is ${megabytes(MAX_REQUEST_BYTES)}.`,
    };
  }
  return { ok: true };
}

/**
 * Refuses, before reading it, a request whose declared body is larger than a form carrying an
 * upload of `maxBytes` can be; the upload itself is then checked against `maxBytes` exactly.
 */
export function checkUploadLength(request: Request, maxBytes: number, field: string): void {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    throw new AppError("too-large", `The upload is larger than ${megabytes(maxBytes)}, the most it may be.`, { [field]: fileLimitMessage(maxBytes) });
  }
}
