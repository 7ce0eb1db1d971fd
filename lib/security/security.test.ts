import { describe, expect, it } from "vitest";
import { isLoopbackHost, isPublicPath } from "./exposure";
import { createNonce, isCrossOriginWrite, pagePolicy } from "./headers";

const headers = (values: Record<string, string>) => new Headers(values);

describe("isCrossOriginWrite", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossOriginWrite("GET", headers({ origin: "http://evil.example", host: "127.0.0.1:3000" }))).toBe(false);
  });
  it("accepts a write from the app's own origin or with no browser origin at all (CLI, curl)", () => {
    expect(isCrossOriginWrite("POST", headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(false);
    expect(isCrossOriginWrite("POST", headers({ host: "127.0.0.1:3000" }))).toBe(false);
  });
  it("refuses a write from another origin, an opaque origin, a malformed one or a cross-site fetch", () => {
    expect(isCrossOriginWrite("POST", headers({ origin: "http://evil.example", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isCrossOriginWrite("DELETE", headers({ origin: "http://127.0.0.1:4000", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ origin: "null", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isCrossOriginWrite("PUT", headers({ "sec-fetch-site": "cross-site", host: "127.0.0.1:3000" }))).toBe(true);
  });
});

describe("pagePolicy", () => {
  it("allows scripts by nonce only, never eval outside development, and forbids framing", () => {
    const nonce = createNonce();
    const policy = pagePolicy(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy.match(/script-src[^;]*/)![0]).not.toContain("unsafe-inline");
    expect(pagePolicy(nonce, true)).toContain("'unsafe-eval'");
  });
  it("makes a new nonce each time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(Buffer.from(createNonce(), "base64")).toHaveLength(16);
  });
});

describe("exposure", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["192.168.1.20", false],
    ["mastery.lan", false],
  ])("%s is loopback: %s", (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
  it("keeps sign-in and setup reachable", () => {
    expect(isPublicPath("/signin")).toBe(true);
    expect(isPublicPath("/setup")).toBe(true);
    expect(isPublicPath("/review")).toBe(false);
  });
});
