// The session cookie itself: its name, options and contents, sealed with the session secret.
// Kept free of the database so the request proxy can read it too.
import { unsealData } from "iron-session";
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

/** Whether a cookie value unseals to a signed-in session. */
export async function isSignedInCookie(value: string | undefined): Promise<boolean> {
  if (!value) return false;
  try {
    const data = await unsealData<SessionData>(value, { password: sessionSecret() });
    return typeof data.userId === "string" && typeof data.sessionId === "string";
  } catch {
    return false;
  }
}
