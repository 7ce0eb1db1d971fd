// The request proxy of an app bound to a network address (HOST=0.0.0.0): every page and API
// call needs a signed-in person; sign-in, setup and the health check stay reachable.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.stubEnv("HOST", "0.0.0.0");
vi.stubEnv("MASTERY_PUBLIC_URL", "");
vi.stubEnv("SESSION_SECRET", "a-session-secret-of-at-least-32-characters");
const { proxy } = await import("./proxy");
afterAll(() => {
  vi.unstubAllEnvs();
});

const ORIGIN = "http://127.0.0.1:3000";
const get = (pathname: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`${ORIGIN}${pathname}`, { headers: { host: "127.0.0.1:3000", ...headers } }));
const passedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";
const redirectedTo = (response: Response) => new URL(response.headers.get("location") ?? "", ORIGIN).pathname;

describe("proxy bound to a network address", () => {
  it("sends a person who is not signed in from every page to the sign-in page", async () => {
    for (const pathname of ["/review", "/programs/codex-mastery/modules/1"]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(307);
      expect(redirectedTo(response), pathname).toBe("/signin");
    }
  });

  it("answers 401 to an API call without credentials", async () => {
    const response = await get("/api/v1/search?q=bisect");
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });

  it("does not take a forged session cookie for a signed-in person", async () => {
    const response = await get("/log", { cookie: "mastery_session=forged" });
    expect(response.status).toBe(307);
    expect(redirectedTo(response)).toBe("/signin");
  });

  it("keeps sign-in, setup and the health check reachable", async () => {
    for (const pathname of ["/signin", "/setup", "/api/health"]) expect(passedOn(await get(pathname)), pathname).toBe(true);
  });

  it("leaves its pages compressed for the network (Next.js's own Cache-Control)", async () => {
    const response = await get("/signin");
    expect(passedOn(response)).toBe(true);
    expect(response.headers.get("cache-control")).toBeNull();
  });
});

describe("proxy behind an https public address", () => {
  it("takes writes from that origin alone, whatever Host the reverse proxy passes on, and seals cookies Secure", async () => {
    vi.stubEnv("MASTERY_PUBLIC_URL", "https://mastery.example.org");
    vi.resetModules();
    const { proxy: behindHttps } = await import("./proxy");
    const { sessionOptions } = await import("./lib/auth/session-cookie");
    const post = (origin: string, host = "mastery.example.org") =>
      behindHttps(
        new NextRequest("https://mastery.example.org/api/v1/packets/some-packet/review", { method: "POST", headers: { host, origin } }),
      );
    for (const origin of ["https://evil.example", "http://mastery.example.org"]) {
      const refused = await post(origin);
      expect(refused.status, origin).toBe(403);
      expect((await refused.json()).error.code, origin).toBe("cross-origin");
    }
    // Past the origin check, the request meets the next rule: an API call without credentials.
    for (const host of ["mastery.example.org", "127.0.0.1:3000"])
      expect((await post("https://mastery.example.org", host)).status, host).toBe(401);
    expect(sessionOptions().cookieOptions.secure).toBe(true);
  });
});
