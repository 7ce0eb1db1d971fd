// Script-injection payloads stored in every place Markdown or text from a person or a program
// is shown (content, evidence, review feedback, plan log, patterns, playbook, ExecPlans) never
// run: no dialog opens and no event handler, script or javascript:/data: address reaches the DOM.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addLearner, REVIEWER, signIn } from "./people";

const PAYLOADS = readFileSync("e2e/fixtures/xss-payloads.md", "utf8");
const INA = { name: "Ina Inert", passphrase: "ina-passphrase-1" };
const scores = { correctness: 4, speed: 2, resilience: 4, judgment: 4, maintainability: 4, collaboration: 4 };

/** Fails on any dialog, and on any live script vector in the page's DOM. */
async function expectInert(page: Page, url: string, mustShow: string) {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on("dialog", onDialog);
  await page.goto(url);
  await expect(page.locator("main")).toContainText(mustShow);
  await page.mouse.move(10, 10);
  // Every disclosure a person can open (the table of contents is one only on narrow screens).
  for (const summary of await page.locator("main details summary:visible").all()) await summary.click();
  // Let the page run whatever it would on its own: every image has loaded or failed (an onerror
  // fires then), and a frame has passed for the toggle events of the details just opened.
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const vectors = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("main *"))) {
      const tag = element.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed"].includes(tag)) found.push(`<${tag}>`);
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${tag} ${attribute.name}`);
        if (
          ["href", "src", "action", "formaction", "xlink:href"].includes(attribute.name) &&
          /^\s*(javascript|data|vbscript):/i.test(attribute.value)
        ) {
          found.push(`${tag} ${attribute.name}=${attribute.value.slice(0, 30)}`);
        }
      }
    }
    return found;
  });
  page.off("dialog", onDialog);
  expect(vectors, url).toEqual([]);
  expect(dialogs, url).toEqual([]);
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("payloads stay inert in content, evidence, feedback, the log, patterns, the playbook and plans", async ({ browser }) => {
  const reviewer = await signIn(browser, REVIEWER);
  await addLearner(reviewer, INA);
  const learner = await signIn(browser, INA);

  // Evidence, the plan log and the completion proof, through the API as the signed-in learner.
  expect((await learner.request.post("/api/v1/modules/1/start", { data: {} })).status()).toBe(200);
  const note = await learner.request.post("/api/v1/modules/1/evidence", { data: { kind: "note", title: "Payload note", body: PAYLOADS } });
  expect(note.status()).toBe(201);
  const { evidence } = (await note.json()) as { evidence: { id: string; itemKey: string } };
  const logged = await learner.request.post("/api/v1/log", {
    data: { module: 1, summary: PAYLOADS, risks: "<img src=x onerror=alert('log')>" },
  });
  expect(logged.status()).toBeLessThan(300);
  const proof = {
    validationStatus: "passing",
    validationDetail: "<script>alert('proof')</script>",
    drillStatus: "passing",
    drillDetail: "in time",
    selfScores: { ...scores, speed: 4 },
    rubricSummary: "4s",
    risks: "[x](javascript:alert('risk'))",
    followUps: "none",
    claims: [{ claim: "<svg onload=alert('claim')>", evidence: [evidence.itemKey] }],
  };
  const submitted = await learner.request.post("/api/v1/modules/1/submit", { data: proof });
  expect(submitted.status(), await submitted.text()).toBeLessThan(300);
  const packet = (await (await learner.request.get("/api/v1/modules/1/packet")).json()) as { packet: { packetId: string } };

  // Review feedback from the reviewer's session.
  const review = await reviewer.request.post(`/api/v1/packets/${packet.packet.packetId}/review`, {
    data: { verdict: "reject", scores, feedback: `Please change:\n- the drill timing\n\n${PAYLOADS}`, evidenceSeen: [evidence.id] },
  });
  expect(review.status(), await review.text()).toBeLessThan(300);

  // A pattern and a playbook entry through their forms.
  await learner.goto("/patterns/new");
  const patternForm = learner.getByRole("form", { name: "New pattern" });
  await patternForm.getByLabel("Title").fill("Inert payloads");
  await patternForm.getByLabel("Problem and context").fill(PAYLOADS);
  await patternForm.getByLabel("When to use").fill("<img src=x onerror=alert('when')>");
  await patternForm.getByLabel("How to apply").fill("[apply](javascript:alert('apply'))");
  await patternForm.getByRole("button", { name: "Save pattern" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "Inert payloads" })).toBeVisible();
  const patternUrl = learner.url();

  await learner.goto("/playbook/new");
  const entryForm = learner.getByRole("form", { name: "New playbook entry" });
  await entryForm.getByLabel("Title").fill("Inert reference");
  await entryForm.getByLabel("Kind").selectOption("quick-reference");
  await entryForm.getByLabel("Text (Markdown)").fill(`${PAYLOADS}\n\nSee [[inert-payloads]].`);
  await entryForm.getByRole("button", { name: /Save/ }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "Inert reference" })).toBeVisible();

  // An ExecPlan imported from a file that carries the payloads.
  const plan = readFileSync("lib/execplans/fixtures/conforming.md", "utf8").replace(
    "## Purpose / Big Picture",
    `## Purpose / Big Picture\n\n${PAYLOADS}`,
  );
  await learner.goto("/plans/new");
  const upload = learner.getByRole("form", { name: "Import a plan" });
  await upload.getByLabel(/Markdown file/).setInputFiles({ name: "inert.md", mimeType: "text/markdown", buffer: Buffer.from(plan) });
  await upload.getByRole("button", { name: "Import" }).click();
  await learner.waitForURL(/\/plans\/(?!new)[^/]+$/);
  const planUrl = learner.url();

  await expectInert(learner, "/programs/inert-fixture/modules/orientation", "Payloads that must stay inert");
  await expectInert(learner, "/programs/codex-mastery/modules/internals/packet", "Payloads that must stay inert");
  await expectInert(learner, "/log", "Payloads that must stay inert");
  await expectInert(learner, patternUrl, "Payloads that must stay inert");
  await expectInert(learner, "/playbook", "Inert reference");
  await expectInert(learner, planUrl, "Payloads that must stay inert");
  await expectInert(reviewer, `/review/${packet.packet.packetId}`, "Payloads that must stay inert");
});
