// ExecPlans in a browser: create from the template, see findings, fill it until it is clean,
// mark tasks done, attach it to the Module 5 packet, read it as the reviewer; refusals, import,
// export, revisions and accessibility on the way.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { addLearnerProfile, createUser } from "../lib/auth/people";
import { db } from "../lib/db";
import { checkPlan } from "../lib/execplans/check";
import { waivePrerequisite } from "../lib/reviews/service";
import { expect, test } from "./fixtures";
import { signIn } from "./people";

const LEARNER = { name: "Pia Planner", passphrase: "pia-passphrase-1" };
const OTHER = { name: "Otto Other", passphrase: "otto-passphrase-1" };
const REVIEWER = { name: "Ruth Reviewer", passphrase: "ruth-passphrase-1" };
const MODULE_5 = "/programs/codex-mastery/modules/planning/packet";
const TITLE = "Export invoices as CSV";

const TASKS = {
  "1.1": "| 1.1 | M1 | Failing test for the export | test | `tests/export.test.ts:1` | pending | |",
  "1.2": "| 1.2 | M1 | CSV writer | code | `src/export/csv.ts:1` | pending | |",
  "2.1": "| 2.1 | M2 | Document the export | docs | `docs/export.md:1` | pending | |",
};

/** Replaces the body of a level-2 section of the plan text. */
function withSection(text: string, heading: string, body: string): string {
  const start = text.indexOf(`## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const next = text.indexOf("\n## ", start + 1);
  return `${text.slice(0, start)}## ${heading}\n\n${body}\n${next < 0 ? "" : text.slice(next)}`;
}

function fillSections(text: string, sections: Record<string, string>): string {
  return Object.entries(sections).reduce((all, [heading, body]) => withSection(all, heading, body), text);
}

const FIRST_HALF = {
  "Purpose / Big Picture":
    "Finance staff can download one account's invoices as a CSV file, instead of asking an engineer for a database dump.",
  "Success Criteria / Acceptance Tests": "- [ ] `npm test -- export` passes, including export_single_account.",
  "Tech Stack, Constraints, Development Approach": "TypeScript on Node 20, no new dependencies; each milestone starts with a failing test.",
  "Context & Orientation": "The JSON export in `src/export/json.ts:41` already writes dates in UTC; the CSV export follows it.",
};

const SECOND_HALF = {
  "High-Level Phase Plan": "M1: export one account from the command line; acceptance is `npm test -- export`. M2: document it.",
  "Detailed Phase Task Steps": [
    "| ID | Phase | Task | Type | Files | Status | Evidence |",
    "|---|---|---|---|---|---|---|",
    ...Object.values(TASKS),
  ].join("\n"),
  "Progress Per Session": "- 2026-03-04: wrote the plan.",
  "Surprises & Discoveries": "None yet (plan created 2026-03-04).",
  "Decision Log": "- 2026-03-04 — D1: Dates are ISO 8601 in UTC. Reason: one convention across exports.",
  "Dependencies, Security/Privacy/Compliance, Observability": "None.",
  "Test Plan and Quality Gates":
    "Unit tests for the writer.\n\n| Gate | Command | Where it runs | Expected result |\n|---|---|---|---|\n| Unit tests | `npm test` | laptop | all pass |",
  "Idempotence & Recovery": "The export only reads; every step can be repeated.",
  "Artifacts & Notes": "Sample files stay in the docs folder.",
  "PR & Review": "One pull request per milestone, each ending at a review_required gate.",
  "Outcomes & Retrospective": "None yet (plan created 2026-03-04).",
  "Revision Notes": "- 2026-03-04 — Filled every section of the template.",
};

let planUrl = "";

async function editPlan(page: Page, change: (text: string) => string) {
  await page.goto(`${planUrl}/edit`);
  const editor = page.getByLabel("Plan (Markdown)");
  await editor.fill(change(await editor.inputValue()));
  return editor;
}

async function saveAndOpenPlan(page: Page) {
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page).toHaveURL(planUrl);
}

// One learner's plan through its life, with two browsers: run in order, with room on a busy machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

// People and waivers are seeded through the domain code, once per run (the phone project runs this file again).
test.beforeAll(async () => {
  if (await (await db()).user.findUnique({ where: { name: LEARNER.name } })) return;
  const learner = await createUser({ ...LEARNER, role: "learner" });
  const other = await createUser({ ...OTHER, role: "learner" });
  const reviewer = await createUser({ ...REVIEWER, role: "reviewer" });
  const profile = await addLearnerProfile(learner.id, { programSlug: "codex-mastery" });
  await addLearnerProfile(other.id, { programSlug: "codex-mastery" });
  for (const prerequisite of [1, 2, 3, 4]) {
    await waivePrerequisite(
      { kind: "reviewer", userId: reviewer.id, label: reviewer.name },
      { learnerId: profile.id, moduleNumber: 5, prerequisite, reason: "Planning is practised first in this browser test" },
    );
  }
});

test("a learner creates a plan from the template and sees its findings", async ({ browser, expectAccessible }) => {
  const page = await signIn(browser, LEARNER);
  await page.goto("/plans");
  await expect(page.getByText("No plans yet.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "New plan" }).click();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Create from the template" });
  await form.getByRole("button", { name: "Create the plan" }).click();
  await expect(form.getByRole("alert")).toContainText("The plan was not created");
  await expect(form.getByText("use at least 3 characters")).toBeVisible();
  await form.getByLabel("Title").fill("{title}");
  await form.getByRole("button", { name: "Create the plan" }).click();
  await expect(form.getByText("a title has no braces or line breaks")).toBeVisible();
  await form.getByLabel("Title").fill(TITLE);
  await form.getByRole("button", { name: "Create the plan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  planUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Revision 1 of 1")).toBeVisible();
  const checker = page.getByRole("region", { name: "Findings" });
  await expect(checker).toContainText("Profile: ExecPlan spec template");
  await expect(checker).toContainText("0 of 14 sections written");
  await expect(checker.getByRole("progressbar", { name: "0 of 14 sections written" })).toHaveAttribute("value", "0");
  await expect(checker).toContainText("No findings: the plan follows every rule.");
  const todo = page.getByRole("list", { name: "Still to write" });
  await expect(todo).toContainText("Line 4: Repo/Branch (metadata)");
  await expect(todo).toContainText("Line 10: Purpose / Big Picture");
  await expect(todo).toContainText("Detailed Phase Task Steps");
  await expect(page.getByRole("region", { name: "Progress by phase" })).toContainText("The task table has no tasks yet.");
  await expectAccessible(page);

  // A line number of what is still to write opens the editor at that line.
  await todo.getByRole("link", { name: "Line 10" }).click();
  await expect(page).toHaveURL(`${planUrl}/edit?line=10`);
  await expect(page.getByLabel("Plan (Markdown)")).toBeFocused();
  await expect(page.getByText("Line 10 of")).toBeVisible();
  await expectAccessible(page);
});

test("the learner fills the sections until the plan is clean; shrinking the Decision Log is refused", async ({
  browser,
  expectAccessible,
}) => {
  const page = await signIn(browser, LEARNER);
  const editor = await editPlan(page, (text) =>
    fillSections(text, FIRST_HALF)
      .replace("{repository} / {branch}", "acme/billing / feature/csv")
      .replace("{what is in scope, and its priority}", "CSV export of one account; high")
      .replace("{in-repository paths only}", "docs/plans/export-csv.md"),
  );
  await expect(page.getByRole("region", { name: "Preview of the plan" })).toContainText("Finance staff can download");
  await expect(page.getByRole("region", { name: "Checker, as you type" })).toContainText(/\d+ errors?\b/);
  await saveAndOpenPlan(page);
  const findings = page.getByRole("list", { name: "Findings" });
  await expect(page.getByText("Revision 2 of 2")).toBeVisible();
  await expect(findings).toContainText("This revision changes the plan but adds no revision note.");
  await expect(findings).not.toContainText("Purpose / Big Picture");
  await expect(findings).not.toContainText("metadata field");
  const todo = page.getByRole("list", { name: "Still to write" });
  await expect(page.getByRole("region", { name: "Findings" })).toContainText("4 of 14 sections written");
  await expect(todo).not.toContainText("Purpose / Big Picture");
  await expect(todo).not.toContainText("(metadata)");
  await expect(todo).toContainText("High-Level Phase Plan");

  await editPlan(page, (text) => fillSections(text, SECOND_HALF));
  await expect(page.getByRole("region", { name: "Checker, as you type" })).toContainText("No findings: the plan follows every rule.");
  await expectAccessible(page);
  await saveAndOpenPlan(page);
  await expect(page.getByText("No findings: the plan follows every rule.")).toBeVisible();
  await expect(page.getByText("14 of 14 sections written")).toBeVisible();
  await expect(page.getByRole("list", { name: "Still to write" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Progress by phase" })).toContainText("0/3 · 0%");

  // Removing a Decision Log entry is refused, and the text typed is kept.
  await editPlan(page, (text) =>
    text.replace(
      "- 2026-03-04 — D1: Dates are ISO 8601 in UTC. Reason: one convention across exports.\n",
      "- 2026-03-05 — D2: Amounts in cents.\n",
    ),
  );
  await page.getByRole("button", { name: "Save revision" }).click();
  const save = page.getByRole("form", { name: "Save the plan" });
  await expect(save.getByRole("alert")).toContainText("Not saved: the Decision Log and the revision notes only grow.");
  await expect(save.getByText(/^Line \d+: Decision Log lost an entry of the previous revision: “2026-03-04 — D1/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Findings as you type" })).toContainText("Decision Log lost an entry");
  await expect(editor).toHaveValue(/D2: Amounts in cents/);
  await page.goto(planUrl);
  await expect(page.getByText("Revision 3 of 3")).toBeVisible();
});

test("marking tasks done shows progress by phase, and revisions can be compared", async ({ browser, expectAccessible }) => {
  const page = await signIn(browser, LEARNER);
  await editPlan(page, (text) =>
    text
      .replace(TASKS["1.1"], TASKS["1.1"].replace("| pending | |", "| completed | test failed first, then passed |"))
      .replace(TASKS["1.2"], TASKS["1.2"].replace("| pending | |", "| completed | commit 3f2c1aa |"))
      .replace(
        "- 2026-03-04 — Filled every section of the template.\n",
        "- 2026-03-04 — Filled every section of the template.\n- 2026-03-05 — Completed 1.1 and 1.2.\n",
      ),
  );
  await saveAndOpenPlan(page);
  const progress = page.getByRole("list", { name: "Progress by phase" });
  await expect(progress.getByRole("listitem").filter({ hasText: "M1" })).toContainText("2/2 · 100%");
  await expect(progress.getByRole("listitem").filter({ hasText: "M2" })).toContainText("0/1 · 0%");
  await expect(progress.getByRole("listitem").filter({ hasText: "All tasks" })).toContainText("2/3 · 66%");
  await expect(progress.getByRole("progressbar", { name: "M1: 2 of 2 tasks completed" })).toHaveAttribute("value", "100");
  await expect(page.getByText("No findings: the plan follows every rule.")).toBeVisible();

  await page.goto("/plans");
  const row = page.getByRole("region", { name: "Plans" }).getByRole("row").filter({ hasText: TITLE });
  await expect(row).toContainText("66%");
  await expect(row).toContainText("no findings");

  await page.goto(planUrl);
  await page.getByRole("link", { name: /^Revisions/ }).click();
  await expect(page.getByRole("region", { name: "Revisions" }).getByRole("row")).toHaveCount(5);
  const diff = page.getByLabel("Changes from revision 3 to revision 4");
  await expect(diff).toContainText("+ | 1.1 | M1 | Failing test for the export | test | `tests/export.test.ts:1` | completed |");
  await expect(diff).toContainText("- | 1.1 | M1 | Failing test for the export | test | `tests/export.test.ts:1` | pending | |");
  await expect(page.getByRole("list", { name: "History between the revisions" })).toContainText(
    "Revision notes: 1 → 2 entries (1 added, 0 edited, 0 removed)",
  );
  await page.getByLabel("From revision", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByLabel("Changes from revision 1 to revision 4")).toContainText("+ Finance staff can download");
  await expectAccessible(page);

  const download = await page.request.get(`${planUrl}/download`);
  expect(download.headers()["content-type"]).toContain("text/markdown");
  expect(download.headers()["content-disposition"]).toContain('filename="execplan-export-invoices-as-csv-r4.md"');
  const exported = await download.text();
  expect(exported).toMatch(/^# ExecPlan: Export invoices as CSV\n/);
  expect(checkPlan(exported).findings).toEqual([]);
  expect((await page.request.get(`${planUrl}/download?revision=99`)).status()).toBe(404);
});

test("the plan is attached to the Module 5 packet and the reviewer reads it beside the evidence", async ({ browser, expectAccessible }) => {
  const page = await signIn(browser, LEARNER);
  await page.goto(planUrl);
  const attach = page.getByRole("form", { name: "Attach to a packet" });
  await expect(attach).toContainText("Start a module's work packet to attach this plan");

  await page.goto(MODULE_5);
  await page.getByRole("button", { name: "Start this module" }).click();
  await expect(page.getByText("In progress", { exact: true })).toBeVisible();
  const packetId = (await page.getByTestId("packet-id").textContent())!;
  await expect(page.getByRole("region", { name: "ExecPlans" })).toContainText("No ExecPlan is attached.");

  await page.goto(planUrl);
  await attach.getByLabel("Work packet").selectOption({ label: "Module 5: Planning & Execution (in progress)" });
  await attach.getByRole("button", { name: "Attach revision 4" }).click();
  await expect(attach.getByRole("status")).toContainText("Revision 4 is attached to Module 5: Planning & Execution.");
  await expect(page.getByRole("region", { name: "Attached to work packets" })).toContainText(
    "Module 5: Planning & Execution (attempt 1, in progress) — revision 4 pinned",
  );
  await attach.getByRole("button", { name: "Attach revision 4" }).click();
  await expect(attach.getByRole("alert")).toContainText("Revision 4 of this plan is already attached to Module 5: Planning & Execution.");

  await page.goto(MODULE_5);
  const plans = page.getByRole("region", { name: "ExecPlans" });
  await expect(plans.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(
    plans
      .getByRole("list", { name: `Progress of ${TITLE}` })
      .getByRole("listitem")
      .filter({ hasText: "M1" }),
  ).toContainText("2/2 · 100%");
  await expectAccessible(page);
  await page.goto("/log?module=5");
  await expect(page.getByRole("list", { name: /Plan log of Pia Planner/ })).toContainText(`Attached ExecPlan "${TITLE}" (revision 4)`);

  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto(`/review/${packetId}`);
  const shown = reviewer.getByRole("region", { name: "ExecPlans" });
  await expect(shown).toContainText("revision 4");
  await expect(
    shown
      .getByRole("list", { name: `Progress of ${TITLE}` })
      .getByRole("listitem")
      .filter({ hasText: "All tasks" }),
  ).toContainText("2/3 · 66%");
  await expectAccessible(reviewer);
  await shown.getByRole("link", { name: TITLE }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(reviewer.getByRole("form", { name: "Attach to a packet" })).toHaveCount(0);
  await reviewer.goto(`${planUrl}/edit`);
  await expect(reviewer.getByText("Only the learner who owns this plan edits it")).toBeVisible();
  await expectAccessible(reviewer);
});

test("another learner cannot read the plan; an ExecPlan file is imported and checked", async ({ browser, expectAccessible }) => {
  const other = await signIn(browser, OTHER);
  // Whether another learner's plan exists does not leak: the page answers as for no plan at all.
  expect((await other.goto(planUrl))!.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect((await other.request.get(`${planUrl}/download`)).status()).toBe(404);
  await other.goto("/plans");
  await expect(other.getByText("No plans yet.")).toBeVisible();

  await other.goto("/plans/new");
  const upload = other.getByRole("form", { name: "Import a plan" });
  await upload
    .getByLabel(/Markdown file/)
    .setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await upload.getByRole("button", { name: "Import" }).click();
  await expect(upload.getByRole("alert")).toContainText("The file was not imported");
  await expect(upload.getByText(/choose a Markdown file/)).toBeVisible();
  await upload
    .getByLabel(/Markdown file/)
    .setInputFiles({ name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(1_500_000, "a") });
  await upload.getByRole("button", { name: "Import" }).click();
  await expect(upload.getByText("files are limited to 512 KB")).toBeVisible();
  await upload
    .getByLabel(/Markdown file/)
    .setInputFiles({ name: "export-csv.md", mimeType: "text/markdown", buffer: readFileSync("lib/execplans/fixtures/conforming.md") });
  await upload.getByRole("button", { name: "Import" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Export an account's invoices as CSV" })).toBeVisible();
  await expect(other.getByText("No findings: the plan follows every rule.")).toBeVisible();
  await expect(other.getByRole("list", { name: "Progress by phase" }).getByRole("listitem").filter({ hasText: "M1" })).toContainText(
    "2/3 · 66%",
  );
  await expectAccessible(other);
});

test("the checker's rules are documented @phone", async ({ page, expectAccessible }) => {
  await page.goto("/plans/rules");
  await expect(page.getByRole("heading", { level: 1, name: "ExecPlan checker rules" })).toBeVisible();
  await expect(page.locator("#nested-fence")).toContainText("Indent commands, transcripts and code by four spaces");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible();
});
