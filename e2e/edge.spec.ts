// The edges of the app: every documented size limit reachable and one byte more refused naming
// it, on pages and the API alike; host names the app does not answer to; the inert policy on
// downloads and files; 403 and 404 for pages a person may not read; editors without a CSP
// violation.
import { request as httpRequest } from "node:http";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createToken } from "./agent-server";
import { evidenceForm } from "./packet-steps";
import { expect, test } from "./fixtures";
import { addLearner, LEARNER, REVIEWER, signIn } from "./people";

const EVE = { name: "Eve Edge", passphrase: "eve-passphrase-1" };
const MODULE_1 = "/programs/codex-mastery/modules/internals/packet";
const MB = 1024 * 1024;
const PORT = Number(process.env.E2E_PORT);

test.describe.configure({ mode: "serial", timeout: 120_000 });

let eve: Page;

test.beforeAll(async ({ browser }) => {
  await addLearner(await signIn(browser, REVIEWER), EVE);
  eve = await signIn(browser, EVE);
});

/** A file of `size` bytes in the scratch folder (Playwright passes large files by path). */
function scratchFile(name: string, size: number): string {
  const file = path.join(process.env.E2E_SCRATCH ?? "/tmp", name);
  writeFileSync(file, Buffer.alloc(size, 0x61));
  return file;
}

test("a 10 MB evidence file uploads through the packet page; one byte more is refused there naming the limit", async () => {
  await eve.goto(MODULE_1);
  await eve.getByRole("button", { name: "Start this module" }).click();
  const upload = await evidenceForm(eve, "File");
  await upload.getByLabel("Title").fill("Ten megabytes");
  const input = upload.getByLabel("File (up to 10 MB)");
  await input.setInputFiles({ name: "over.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(10 * MB + 1, 0x61) });
  await expect(upload.getByText("files are limited to 10 MB")).toBeVisible();
  expect(await input.evaluate((element: HTMLInputElement) => element.validationMessage)).toBe("files are limited to 10 MB");
  await input.setInputFiles({ name: "ten.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(10 * MB, 0x61) });
  await expect(upload.getByText("files are limited to 10 MB")).toHaveCount(0);
  await upload.getByRole("button", { name: "Save evidence" }).click();
  await expect(upload.getByRole("status")).toContainText('Saved "Ten megabytes" as version 1', { timeout: 30_000 });
  await expect(upload.getByLabel("Title")).toHaveValue("");
});

test("a 10 MB evidence file uploads through the API, as multipart and as base64; one byte more is refused naming the limit", async () => {
  const token = await createToken(eve, "edge");
  const headers = { authorization: `Bearer ${token}` };
  const file = (size: number) => ({ name: "big.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(size, 0x62) });
  const multipart = await eve.request.post("/api/v1/modules/1/evidence", {
    headers,
    multipart: { title: "Multipart", file: file(10 * MB) },
    timeout: 60_000,
  });
  expect(multipart.status(), await multipart.text()).toBe(201);
  const base64 = await eve.request.post("/api/v1/modules/1/evidence", {
    headers,
    data: { kind: "file", title: "Base64", fileName: "big.bin", contentBase64: Buffer.alloc(10 * MB, 0x63).toString("base64") },
    timeout: 60_000,
  });
  expect(base64.status(), await base64.text()).toBe(201);
  const over = await eve.request.post("/api/v1/modules/1/evidence", {
    headers,
    multipart: { title: "Over", file: file(10 * MB + 1) },
    timeout: 60_000,
  });
  expect(over.status()).toBe(400);
  const refused = (await over.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
  expect(Object.values(refused.error.fields)).toContain("files are limited to 10 MB");
});

test("a library upload just under 20 MB reaches the import; over 20 MB is refused naming the limit", async () => {
  const send = (size: number) =>
    eve.request.post("/patterns/import/upload", {
      multipart: { step: "check", files: { name: "library.zip", mimeType: "application/zip", buffer: Buffer.alloc(size, 0x64) } },
      timeout: 60_000,
    });
  const under = await send(20 * MB - 1024);
  expect(under.status(), await under.text()).toBe(200);
  expect((await under.json()) as unknown).toMatchObject({
    plan: { problems: [{ file: "library.zip", message: "is not a readable zip archive" }] },
  });
  for (const size of [20 * MB + 1, 25 * MB]) {
    const over = await send(size);
    expect([400, 413], `${size} bytes`).toContain(over.status());
    expect(((await over.json()) as { error: { fields: { files: string } } }).error.fields.files).toMatch(/limited to 20 MB/);
  }
});

test("a learner import over 50 MB is refused naming the limit: in the browser before sending, by the action without JavaScript, by the proxy above the ceiling", async ({
  browser,
}) => {
  const tooLarge = scratchFile("too-large.json", 50 * MB + 1);
  await eve.goto("/settings");
  const form = eve.getByRole("form", { name: "Import a learner export" });
  const input = form.getByLabel("Export file (.json)");
  await input.setInputFiles(tooLarge);
  await expect(form.getByText("files are limited to 50 MB")).toBeVisible();
  expect(await input.evaluate((element: HTMLInputElement) => element.validationMessage)).toBe("files are limited to 50 MB");

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await eve.context().storageState() });
  const page = await context.newPage();
  await page.goto("/settings");
  const plain = page.getByRole("form", { name: "Import a learner export" });
  await plain.getByLabel("Export file (.json)").setInputFiles(tooLarge);
  await plain.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("form", { name: "Import a learner export" }).getByText("learner imports are limited to 50 MB")).toBeVisible({
    timeout: 30_000,
  });

  await page.goto("/settings");
  await plain.getByLabel("Export file (.json)").setInputFiles(scratchFile("far-too-large.json", 52 * MB));
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    plain.getByRole("button", { name: "Import" }).click(),
  ]);
  expect(response.status()).toBe(413);
  await expect(page.getByText(/the most this app accepts is 51 MB/)).toBeVisible();
  await context.close();
});

/** A GET with a Host header of our choosing (browsers and Playwright set it themselves). */
function statusWithHost(host: string, pathname = "/api/health"): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: PORT, path: pathname, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

test("on loopback the app answers only to loopback host names (DNS rebinding)", async () => {
  for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, "localhost", `[::1]:${PORT}`])
    expect(await statusWithHost(host), host).toBe(200);
  for (const host of [`evil.example:${PORT}`, "rebind.attacker.test", `192.168.1.20:${PORT}`]) {
    expect(await statusWithHost(host), host).toBe(421);
    expect(await statusWithHost(host, "/signin"), host).toBe(421);
  }
});

test("downloads and content files carry the inert policy, pages the page policy", async () => {
  await eve.goto(MODULE_1);
  const file = await eve.request.get((await eve.getByRole("link", { name: "Download" }).first().getAttribute("href"))!);
  const content = await eve.request.get("/programs/codex-mastery/files/program.md");
  const log = await eve.request.get("/log/download");
  for (const response of [file, content, log]) {
    expect(response.status(), response.url()).toBe(200);
    const policy = response.headers()["content-security-policy"]!;
    expect(policy, response.url()).toContain("default-src 'none'");
    expect(policy, response.url()).toContain("sandbox");
    expect(policy, response.url()).not.toContain("nonce-");
  }
  expect((await eve.request.get("/")).headers()["content-security-policy"]).toContain("nonce-");
});

test("reviewer-only pages answer 403 to a learner, another learner's data 404", async ({ browser }) => {
  for (const pathname of ["/review", "/people", "/review/no-such-packet"]) {
    const response = await eve.goto(pathname);
    expect(response!.status(), pathname).toBe(403);
    await expect(eve.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    await expect(eve.getByText("You are signed in as Eve Edge, who is not a reviewer.")).toBeVisible();
  }
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto("/review"))!.status()).toBe(403);
  await expect(visitor.getByRole("link", { name: "Sign in" }).last()).toBeVisible();

  const reviewer = await signIn(browser, REVIEWER);
  expect((await reviewer.goto("/review"))!.status()).toBe(200);
  await reviewer.goto("/");
  const ada = await reviewer
    .getByRole("form", { name: "Choose a learner" })
    .locator("option", { hasText: LEARNER.name })
    .getAttribute("value");
  expect(ada).toBeTruthy();
  for (const pathname of [
    `/?learner=${ada}`,
    `/patterns?learner=${ada}`,
    `/playbook?learner=${ada}`,
    `/log?learner=${ada}`,
    `/time?learner=${ada}`,
    `/report?learner=${ada}`,
  ]) {
    const response = await eve.goto(pathname);
    expect(response!.status(), pathname).toBe(404);
    await expect(eve.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});

test("the editors run without a CSP violation (no eval probe)", async () => {
  await eve.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const console: string[] = [];
  eve.on("console", (message) => {
    if (/Content Security Policy|unsafe-eval|Refused to/i.test(message.text())) console.push(message.text());
  });
  await eve.goto("/plans/new");
  await eve.getByRole("form", { name: "Create from the template" }).getByLabel("Title").fill("Edge plan");
  await eve.getByRole("form", { name: "Create from the template" }).getByRole("button", { name: "Create the plan" }).click();
  await expect(eve.getByRole("heading", { level: 1, name: "Edge plan" })).toBeVisible();
  const editors: [string, string][] = [
    [`${new URL(eve.url()).pathname}/edit`, "Plan (Markdown)"],
    ["/patterns/new", "Title"],
    ["/playbook/new", "Title"],
  ];
  for (const [pathname, label] of editors) {
    await eve.goto(pathname);
    await eve.getByLabel(label).first().fill("Typed in the editor");
    await expect(eve.getByText("Typed in the editor").first()).toBeVisible();
    expect(await eve.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), pathname).toEqual([]);
  }
  expect(console).toEqual([]);
});
