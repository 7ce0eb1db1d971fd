// The same Markdown text twice on a page, when it renders to nothing (a link definition, an
// empty list item, a list item that is only a heading): every page that shows learners' texts
// answers and renders. Playbook and its print view, a pattern, a packet and its review, a plan.
import type { Page } from "@playwright/test";
import { addLearnerProfile, createUser } from "../lib/auth/people";
import { importPlan } from "../lib/execplans/service";
import { createPattern } from "../lib/library/patterns";
import { createEntry } from "../lib/library/playbook";
import { addEvidence } from "../lib/packets/evidence";
import { startPacket, submitPacket } from "../lib/packets/service";
import { expect, expectNoErrorBoundary, test } from "./fixtures";
import { proofFor } from "./packet-steps";
import { type Person, REVIEWER, signIn } from "./people";
import type { Actor } from "../lib/auth/actor";

const MIA: Person = { name: "Mia Markdown", passphrase: "mia-passphrase-1" };
const DEFINITION = "[foo]: /url";
const PATTERN = "definitions-only";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let mia: Page;
let packetId = "";
let planId = "";

test.beforeAll(async ({ browser }) => {
  const user = await createUser({ ...MIA, role: "learner" });
  const { id: learnerId } = await addLearnerProfile(user.id, { programSlug: "codex-mastery" });
  const actor: Actor = { kind: "learner", userId: user.id, label: MIA.name };
  await createEntry(actor, learnerId, { title: "Definition one", kind: "quick-reference", body: DEFINITION });
  await createEntry(actor, learnerId, { title: "Definition two", kind: "scenario", body: DEFINITION });
  await createEntry(actor, learnerId, { title: "Heading items", kind: "checklist", body: "- [ ] item\n- # One\n- # Two" });
  for (const title of ["Empty answer one", "Empty answer two"]) {
    await createEntry(actor, learnerId, { title, kind: "decision-tree", body: "- Is it red?\n  - yes: stop\n  -" });
  }
  await createPattern(actor, learnerId, {
    title: "Definitions only",
    slug: PATTERN,
    category: "speed",
    problem: DEFINITION,
    whenToUse: DEFINITION,
    howToApply: "Apply it.",
  });

  packetId = (await startPacket(actor, { learnerId, moduleNumber: 1 })).id;
  const note = await addEvidence(actor, packetId, { kind: "note", title: "Definition note one", body: DEFINITION });
  await addEvidence(actor, packetId, { kind: "note", title: "Definition note two", body: DEFINITION });
  await submitPacket(actor, {
    packetId,
    proof: proofFor([note.itemKey], "The notes are link definitions"),
  });

  const text = `# ExecPlan: Definitions twice\n\n## Purpose / Big Picture\n\n${DEFINITION}\n\n${DEFINITION}\n\n-\n-\n`;
  planId = (await importPlan(actor, { learnerId, fileName: "definitions.md", bytes: new TextEncoder().encode(text) })).plan.id;
  mia = await signIn(browser, MIA);
});

async function expectPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expectNoErrorBoundary(page);
}

test("the playbook and its print view show entries that render to nothing", async ({ expectAccessible }) => {
  await expectPage(mia, "/playbook");
  await expect(mia.locator("article.playbook-entry")).toHaveCount(5);
  await expect(mia.getByRole("checkbox", { name: "item" })).toBeVisible();
  await expect(mia.getByRole("list", { name: "Decision tree" })).toHaveCount(2);
  await expectAccessible(mia);
  await expectPage(mia, "/playbook?all=1");
  await expect(mia.locator("article.playbook-entry")).toHaveCount(5);
  await expectAccessible(mia);
  await expectPage(mia, "/playbook/heading-items");
  await expectAccessible(mia);
});

test("a pattern whose two sections render to nothing", async ({ expectAccessible }) => {
  await expectPage(mia, `/patterns/${PATTERN}`);
  await expect(mia.getByRole("heading", { level: 2, name: "When to use" })).toBeVisible();
  await expectAccessible(mia);
  await expectPage(mia, "/patterns");
});

test("a packet and its review with two notes that render to nothing", async ({ browser, expectAccessible }) => {
  await expectPage(mia, "/programs/codex-mastery/modules/internals/packet?area=evidence");
  await expect(mia.getByText("Definition note two", { exact: true })).toBeVisible();
  await expectAccessible(mia);
  const reviewer = await signIn(browser, REVIEWER);
  await expectPage(reviewer, `/review/${packetId}`);
  await expect(reviewer.getByText("Definition note two", { exact: true })).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.context().close();
});

test("an ExecPlan whose text has the definitions twice", async ({ expectAccessible }) => {
  await expectPage(mia, `/plans/${planId}`);
  await expect(mia.getByRole("heading", { level: 1, name: "Definitions twice" })).toBeVisible();
  await expectAccessible(mia);
  await expectPage(mia, `/plans/${planId}/edit`);
  await expect(mia.getByRole("region", { name: "Preview of the plan" })).toBeVisible();
});
