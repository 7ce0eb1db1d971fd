// Response headers that keep pages inert to injected content: a nonce-based
// Content-Security-Policy for pages (no 'unsafe-eval' and no 'unsafe-inline' for scripts in
// production) and the fixed headers every response carries.

/** A fresh nonce for one response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The page policy. Styles stay 'unsafe-inline' because React renders style attributes. */
export function pagePolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON, downloads and files: nothing in them may run or be framed. */
export const INERT_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

export const FIXED_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write that a browser sent from another site: its Origin names another host (or is
 * "null"), or Fetch Metadata says cross-site. Requests without either header (the CLI, curl)
 * are not browser cross-site requests and are judged by their credentials instead. The public
 * address (MASTERY_PUBLIC_URL), when there is one, is this app's origin whatever Host header a
 * reverse proxy passes on, and the only one of its host name: behind an https address, a page of
 * the same name over plain http is another origin.
 */
export function isCrossOriginWrite(method: string, headers: Headers, publicUrl?: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  try {
    const from = new URL(origin);
    const own = publicUrl ? new URL(publicUrl) : null;
    if (own && from.hostname === own.hostname) return from.origin !== own.origin;
    return from.host !== headers.get("host");
  } catch {
    return true;
  }
}
