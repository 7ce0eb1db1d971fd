// Security headers, cross-origin writes and content paths against the running app. Bound to a
// network address, every page needs a signed-in person: proxy.test.ts checks that on proxy().
import { expect, test } from "./fixtures";

test("pages carry a nonce-based policy and the fixed security headers, and run without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const headers = response!.headers();
  const policy = headers["content-security-policy"]!;
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).not.toContain("unsafe-eval");
  expect(policy.match(/script-src[^;]*/)![0]).not.toContain("unsafe-inline");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);

  // Hydrated and interactive under the policy: client navigation and the theme switch work.
  await page.getByRole("link", { name: "Modules" }).first().click();
  await expect(page).toHaveURL(/\/programs\//);
  const second = await page.request.get("/");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(violations).toEqual([]);

  const api = await page.request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("this machine's browser gets pages uncompressed and scripts gzipped", async ({ page }) => {
  const scripts: Promise<Record<string, string>>[] = [];
  page.on("response", (response) => {
    if (/\/_next\/static\/.+\.js$/.test(new URL(response.url()).pathname)) scripts.push(response.allHeaders());
  });
  const document = await page.goto("/");
  expect(document!.headers()["content-encoding"]).toBeUndefined();
  expect(document!.headers()["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate, no-transform");
  await expect.poll(() => scripts.length).toBeGreaterThan(0);
  // Every script but the smallest, which gzip's 1 KB threshold leaves as it is.
  const scriptHeaders = await Promise.all(scripts);
  for (const headers of scriptHeaders)
    if (headers["content-encoding"] !== "gzip") expect(Number(headers["content-length"])).toBeLessThan(1024);
  expect(scriptHeaders.filter((headers) => headers["content-encoding"] === "gzip").length).toBeGreaterThan(0);

  // A client-side navigation's payload goes as it is too.
  const navigation = page.waitForResponse((response) => response.request().headers()["rsc"] === "1");
  await page.getByRole("link", { name: "Modules" }).first().click();
  const payload = await navigation;
  expect(payload.status()).toBe(200);
  expect((await payload.allHeaders())["content-encoding"]).toBeUndefined();
});

test("writes from another origin are refused: server actions and the API", async ({ request }) => {
  const forged = { Origin: "http://evil.example", "Content-Type": "application/json" };
  const api = await request.post("/api/v1/packets/some-packet/review", { headers: forged, data: { verdict: "accept" } });
  expect(api.status()).toBe(403);
  expect((await api.json()).error).toMatchObject({ code: "cross-origin", fields: { origin: expect.any(String) } });

  const action = await request.post("/signin", {
    headers: { Origin: "http://evil.example", "Next-Action": "0".repeat(40), "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(action.status()).toBe(403);

  const crossSite = await request.post("/api/v1/packets/some-packet/review", { headers: { "Sec-Fetch-Site": "cross-site" }, data: {} });
  expect(crossSite.status()).toBe(403);
});

test("content paths cannot leave the program folder", async ({ request }) => {
  for (const attempt of ["..%2F..%2Fpackage.json", "..%2F..%2F..%2Fetc%2Fpasswd", "modules%2F..%2F..%2F..%2F.env", "program.md%00.png"]) {
    const response = await request.get(`/programs/codex-mastery/files/${attempt}`);
    expect(response.status(), attempt).toBe(404);
    expect((await response.json()).error.fields).toHaveProperty("path");
  }
  const unknown = await request.get("/programs/..%2F..%2Fetc/modules/1");
  expect(unknown.status()).toBe(404);
});
