import { describe, expect, it } from "vitest";
import { pageCacheControl } from "./page-compression";

describe("pageCacheControl", () => {
  it("keeps gzip off the pages of an app that serves only this machine", () => {
    for (const bind of ["127.0.0.1", "localhost", "::1", "127.0.0.2"]) {
      const value = pageCacheControl({ bind });
      expect(value, bind).toMatch(/(^|, )no-transform$/);
      // Still a page made per request: nothing may store it.
      expect(value, bind).toContain("no-store");
      expect(value, bind).toMatch(/^private, /);
    }
  });

  it("leaves pages compressed when other machines reach the app", () => {
    expect(pageCacheControl({ bind: "0.0.0.0" })).toBeNull();
    expect(pageCacheControl({ bind: "192.168.1.20" })).toBeNull();
    expect(pageCacheControl({ bind: "::" })).toBeNull();
    // Bound to loopback behind a reverse proxy that serves the public address.
    expect(pageCacheControl({ bind: "127.0.0.1", publicUrl: "https://mastery.example.org" })).toBeNull();
  });
});
