// The session cookie follows the scheme people reach the app at (Secure behind https), and what a
// cookie value opens to is kept only while its seal has not expired.
import { sealData } from "iron-session";
import { afterEach, describe, expect, it, vi } from "vitest";

process.env.MASTERY_PUBLIC_URL = "https://mastery.example.org";
process.env.SESSION_SECRET = "a-session-secret-of-at-least-32-characters";
const { isSignedInCookie, openSessionCookie, sessionOptions } = await import("./session-cookie");

const password = process.env.SESSION_SECRET;
const data = { sessionId: "s1", userId: "u1", learnerId: "l1" };

afterEach(() => vi.useRealTimers());

describe("the session cookie", () => {
  it("is Secure, httpOnly and SameSite=Lax when the public address is https", () => {
    expect(sessionOptions().cookieOptions).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it("opens to the same data every time it is read", async () => {
    const value = await sealData(data, { password });
    expect(await openSessionCookie(value)).toEqual(data);
    expect(await openSessionCookie(value)).toEqual(data);
    expect(await isSignedInCookie(value)).toBe(true);
  });

  it("stops opening once its seal has expired, though it opened before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T10:00:00Z"));
    const value = await sealData(data, { password, ttl: 60 });
    expect(await openSessionCookie(value)).toEqual(data);
    vi.setSystemTime(new Date("2026-03-01T10:05:00Z"));
    expect(await openSessionCookie(value)).toEqual({});
    expect(await isSignedInCookie(value)).toBe(false);
  });

  it("does not open a value sealed with another secret, or a changed one", async () => {
    const value = await sealData(data, { password: "another-secret-of-at-least-32-characters!" });
    expect(await openSessionCookie(value)).toEqual({});
    const genuine = await sealData(data, { password });
    const forged = genuine.replace(/\*([^*]+)$/, (_, mac: string) => `*${mac.slice(1)}A`);
    expect(await isSignedInCookie(forged)).toBe(false);
  });
});
