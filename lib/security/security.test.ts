import { readdirSync } from "node:fs";
import path, { sep } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_BYTES } from "../agent/endpoint";
import { IMPORT_LIMITS } from "../library/import";
import { MAX_FILE_BYTES } from "../files";
import { MAX_IMPORT_BYTES } from "../portability/export-format";
import { isServerActionPost, MAX_ACTION_NESTING, nestsDeeperThan } from "./action-body";
import { bodySizeVerdict, checkUploadLength, MAX_REQUEST_BYTES, MULTIPART_OVERHEAD_BYTES } from "./body-limits";
import { cookiesSecure, isAllowedHost, isLoopbackHost, isPublicPath } from "./exposure";
import { fileLimitMessage, megabytes } from "./file-size";
import { createNonce, isCrossOriginWrite, pagePolicy } from "./headers";
import { FILE_ROUTES, hasMalformedEncoding, isFileRoute } from "./paths";

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
  it("behind an https public address, takes writes from that origin alone on its host name, whatever Host the proxy passes on", () => {
    const publicUrl = "https://mastery.example.org";
    const write = (origin: string, host: string) => isCrossOriginWrite("POST", headers({ origin, host }), publicUrl);
    expect(write("https://mastery.example.org", "mastery.example.org")).toBe(false);
    expect(write("https://mastery.example.org", "127.0.0.1:3000")).toBe(false);
    expect(write("https://mastery.example.org", "10.0.0.5:3000")).toBe(false);
    expect(write("http://mastery.example.org", "mastery.example.org")).toBe(true);
    expect(write("https://mastery.example.org:8443", "mastery.example.org")).toBe(true);
    expect(write("https://evil.example", "mastery.example.org")).toBe(true);
    expect(write("http://127.0.0.1:3000", "127.0.0.1:3000")).toBe(false);
    expect(write("null", "mastery.example.org")).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ "sec-fetch-site": "cross-site", host: "mastery.example.org" }), publicUrl)).toBe(true);
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
  it("makes cookies Secure when the public address is https", () => {
    expect(cookiesSecure("https://mastery.example.org")).toBe(true);
    expect(cookiesSecure("http://mastery.lan:3000")).toBe(false);
    expect(cookiesSecure(undefined)).toBe(false);
  });
});

describe("isAllowedHost", () => {
  const loopback = { bind: "127.0.0.1" };
  it("on loopback accepts loopback names only, with or without a port", () => {
    for (const host of ["127.0.0.1:3000", "localhost", "LOCALHOST:3000", "[::1]:3000", "127.1.2.3"]) expect(isAllowedHost(host, loopback), host).toBe(true);
    for (const host of ["evil.example", "evil.example:3000", "192.168.1.20:3000", "localhost.evil.example", "", "bad host"]) {
      expect(isAllowedHost(host, loopback), host).toBe(false);
    }
    expect(isAllowedHost(null, loopback)).toBe(false);
  });
  it("accepts the public URL's host as well when one is configured", () => {
    const settings = { bind: "127.0.0.1", publicUrl: "https://mastery.example.org" };
    expect(isAllowedHost("mastery.example.org", settings)).toBe(true);
    expect(isAllowedHost("Mastery.Example.org:443", settings)).toBe(true);
    expect(isAllowedHost("localhost:3000", settings)).toBe(true);
    expect(isAllowedHost("other.example.org", settings)).toBe(false);
  });
  it("off loopback accepts any host without a public URL, else the public URL's host and the bound address", () => {
    expect(isAllowedHost("anything.lan:3000", { bind: "0.0.0.0" })).toBe(true);
    const settings = { bind: "192.168.1.20", publicUrl: "http://mastery.lan:3000" };
    expect(isAllowedHost("mastery.lan:3000", settings)).toBe(true);
    expect(isAllowedHost("192.168.1.20:3000", settings)).toBe(true);
    expect(isAllowedHost("127.0.0.1:3000", settings)).toBe(true);
    expect(isAllowedHost("evil.example", settings)).toBe(false);
    expect(isAllowedHost("evil.example", { bind: "::", publicUrl: "http://mastery.lan" })).toBe(false);
  });
});

describe("paths", () => {
  it("refuses segments whose percent-encoding does not decode", () => {
    for (const bad of ["/programs/%c0%ae%c0%ae", "/api/v1/modules/%ff/packet", "/a/%", "/a/%e0%a4"]) expect(hasMalformedEncoding(bad), bad).toBe(true);
    for (const good of ["/programs/codex-mastery", "/programs/..%2F..%2Fetc", "/search/%C3%A9t%C3%A9", "/"]) expect(hasMalformedEncoding(good), good).toBe(false);
  });
  it("knows every route handler outside /api, and no page", () => {
    const routes = readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(`${sep}route.ts`) || file === "route.ts")
      .map((file) => `/${path.dirname(file).split(sep).join("/")}`)
      .filter((route) => !route.startsWith("/api"))
      .sort();
    expect([...FILE_ROUTES].sort()).toEqual(routes);
    for (const file of ["/evidence/abc/file", "/programs/codex-mastery/files/images/a.png", "/settings/export/record", "/plans/p1/download"]) expect(isFileRoute(file), file).toBe(true);
    for (const page of ["/", "/programs/codex-mastery", "/plans/p1", "/settings", "/patterns/import", "/evidence/abc"]) expect(isFileRoute(page), page).toBe(false);
  });
});

describe("server-action bodies", () => {
  it("recognises server-action posts as Next.js does", () => {
    expect(isServerActionPost("POST", headers({ "next-action": "abc" }))).toBe(true);
    expect(isServerActionPost("POST", headers({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(isServerActionPost("POST", headers({ "content-type": "application/x-www-form-urlencoded" }))).toBe(true);
    expect(isServerActionPost("POST", headers({ "content-type": "application/json" }))).toBe(false);
    expect(isServerActionPost("GET", headers({ "next-action": "abc" }))).toBe(false);
  });
  it("measures nesting outside strings only", () => {
    expect(nestsDeeperThan("[".repeat(5000) + "]".repeat(5000), MAX_ACTION_NESTING)).toBe(true);
    expect(nestsDeeperThan(`{"a":${"[".repeat(MAX_ACTION_NESTING - 1)}${"]".repeat(MAX_ACTION_NESTING - 1)}}`, MAX_ACTION_NESTING)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify(["[".repeat(5000), '\\"[[[', { a: [1, { b: [] }] }]), MAX_ACTION_NESTING)).toBe(false);
  });
});

describe("body limits", () => {
  it("puts the ceiling above every documented upload and its form", () => {
    for (const limit of [DEFAULT_MAX_BYTES, MAX_FILE_BYTES, IMPORT_LIMITS.uploadBytes, MAX_IMPORT_BYTES]) {
      expect(MAX_REQUEST_BYTES).toBeGreaterThanOrEqual(limit + MULTIPART_OVERHEAD_BYTES);
    }
  });
  it("refuses a declared body over the ceiling and an undeclared form post to a page", () => {
    expect(bodySizeVerdict("POST", String(MAX_REQUEST_BYTES), true)).toEqual({ ok: true });
    expect(bodySizeVerdict("POST", String(MAX_REQUEST_BYTES + 1), false)).toMatchObject({ ok: false, status: 413, message: expect.stringContaining("51 MB") });
    expect(bodySizeVerdict("POST", "lots", true)).toMatchObject({ ok: false, status: 413 });
    expect(bodySizeVerdict("POST", null, true)).toMatchObject({ ok: false, status: 411 });
    expect(bodySizeVerdict("POST", null, false)).toEqual({ ok: true });
    expect(bodySizeVerdict("GET", null, true)).toEqual({ ok: true });
  });
  it("names limits in megabytes, the same words in the browser and on the server", () => {
    expect(megabytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(fileLimitMessage(MAX_FILE_BYTES)).toBe("files are limited to 10 MB");
    const upload = (length: number) => new Request("http://127.0.0.1/x", { method: "POST", headers: { "content-length": String(length) } });
    expect(() => checkUploadLength(upload(20 * 1024 * 1024 + MULTIPART_OVERHEAD_BYTES), 20 * 1024 * 1024, "files")).not.toThrow();
    expect(() => checkUploadLength(upload(25 * 1024 * 1024), 20 * 1024 * 1024, "files")).toThrow(expect.objectContaining({ code: "too-large", fieldErrors: { files: "files are limited to 20 MB" } }));
  });
});
