// The session cookie follows the scheme people reach the app at: Secure behind https.
import { describe, expect, it } from "vitest";

process.env.MASTERY_PUBLIC_URL = "https://mastery.example.org";
process.env.SESSION_SECRET = "a-session-secret-of-at-least-32-characters";
const { sessionOptions } = await import("./session-cookie");

describe("the session cookie", () => {
  it("is Secure, httpOnly and SameSite=Lax when the public address is https", () => {
    expect(sessionOptions().cookieOptions).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });
});
