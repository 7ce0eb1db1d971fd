// The session cookie itself: its name, options and contents, sealed with the session secret.
// Kept free of the database so the request proxy can read it too.
import { unsealData } from "iron-session";
import { LruMap } from "../lru";
import { cookiesSecure } from "../security/exposure";
import { sessionSecret } from "./secrets";

/** What the cookie carries: the session row (checked on every request), its user and profile. */
export type SessionData = { sessionId?: string; userId?: string; learnerId?: string };

export function sessionOptions() {
  return {
    password: sessionSecret(),
    cookieName: "mastery_session",
    cookieOptions: { httpOnly: true, sameSite: "lax" as const, secure: cookiesSecure(), path: "/", maxAge: 60 * 60 * 24 * 14 },
  };
}

type Opened = { data: SessionData; until: number };
// On globalThis: the proxy and the pages are bundled apart, and each may load this module more than once.
const opened = ((globalThis as unknown as { masteryOpenedCookies?: Map<string, LruMap<Opened>> }).masteryOpenedCookies ??= new Map());
/** Cookies opened are kept for the browsers most recently seen, per secret. */
const KEPT_COOKIES = 5_000;

/** When a seal expires (iron's expiration, in ms), or never when it carries none. */
const expiryOf = (value: string) => Number(value.split("*")[5]) || Number.POSITIVE_INFINITY;

/**
 * What a cookie value unseals to ({} when it does not): every request of a browser carries the same
 * value, and opening it derives two keys and checks a MAC (about half a millisecond of CPU), so what
 * a value opened to is kept until the seal expires. A value is sealed and signed with the secret:
 * under the same secret it always opens to the same data.
 */
export async function openSessionCookie(value: string): Promise<SessionData> {
  const password = sessionSecret();
  const kept = opened.get(password) ?? opened.set(password, new LruMap<Opened>(KEPT_COOKIES)).get(password)!;
  const hit = kept.get(value);
  if (hit && Date.now() < hit.until) return hit.data;
  const data = await unsealData<SessionData>(value, { password });
  if (Object.keys(data).length > 0) kept.set(value, { data, until: expiryOf(value) });
  return data;
}

/** Whether a cookie value unseals to a signed-in session. */
export async function isSignedInCookie(value: string | undefined): Promise<boolean> {
  if (!value) return false;
  try {
    const data = await openSessionCookie(value);
    return typeof data.userId === "string" && typeof data.sessionId === "string";
  } catch {
    return false;
  }
}
