import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
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

test.describe("bound to a network address", () => {
  const port = Number(process.env.E2E_EXPOSED_PORT ?? 3190);
  let server: ChildProcess;

  test.beforeAll(async () => {
    server = spawn(path.resolve("node_modules/.bin/next"), ["start", "--hostname", "0.0.0.0", "--port", String(port)], {
      env: { ...process.env, HOST: "0.0.0.0", PORT: String(port), NODE_ENV: "production" },
      stdio: "ignore",
    });
    for (let i = 0; i < 120; i++) {
      if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error("the exposed server did not start");
  });
  test.afterAll(() => {
    server.kill("SIGTERM");
  });

  test("every page and API call needs a signed-in person", async ({ page, request }) => {
    const base = `http://127.0.0.1:${port}`;
    await page.goto(`${base}/review`);
    await expect(page).toHaveURL(new RegExp(`^${base}/(signin|setup)$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto(`${base}/programs/codex-mastery/modules/1`);
    await expect(page).toHaveURL(new RegExp(`^${base}/(signin|setup)$`));
    const api = await request.get(`${base}/api/v1/search?q=bisect`);
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthenticated");
    const forgedCookie = await request.get(`${base}/log`, { headers: { Cookie: "mastery_session=forged" }, maxRedirects: 0 });
    expect(forgedCookie.status()).toBe(307);
    expect((await request.get(`${base}/api/health`)).status()).toBe(200);
  });
});
