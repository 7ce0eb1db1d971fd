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
});
