// The progress dashboard in a browser: it reflects a packet accepted in the same test; a timer
// survives a reload, stops once and updates the hours; time added by hand and corrected with
// field errors; the status-update report on a page and as a download.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addNote, fillProof, openArea, scoreAll, submitVerdict } from "./packet-steps";
import { addLearner, LEARNER, REVIEWER, signIn } from "./people";

const DEE = { name: `Dee ${Date.now().toString(36)}`, passphrase: "dee-passphrase-1" };
const MODULE_1 = "/programs/codex-mastery/modules/internals/packet";
const today = () => new Date().toISOString().slice(0, 10);

test.describe.configure({ mode: "serial", timeout: 120_000 });

async function hours(page: Page) {
  return page.getByRole("progressbar", { name: "Hours invested" }).getAttribute("aria-valuetext");
}

test("the dashboard reflects a packet accepted in the same test", async ({ browser, expectAccessible }) => {
  const rex = await signIn(browser, REVIEWER);
  await addLearner(rex, DEE);

  const dee = await signIn(browser, DEE);
  await dee.goto("/");
  await expect(dee.getByRole("progressbar", { name: "Modules completed" })).toHaveAttribute("aria-valuetext", "0 of 8 completed");
  await expect(dee.getByRole("region", { name: "What next" })).toContainText("Start Module 1: Codex Code Internals.");
  await expect(dee.getByRole("region", { name: "Pace and milestones" })).toContainText("Not started yet");
  await expectAccessible(dee);

  await dee.goto(MODULE_1);
  await dee.getByRole("button", { name: "Start this module" }).click();
  const packetId = (await dee.getByTestId("packet-id").textContent())!;
  await addNote(dee, "Session trace", "user: fix the test\nassistant: calls read_file");
  await openArea(dee, "Exercises");
  const result = dee.getByRole("form", { name: "Record an exercise result" });
  await result.getByLabel("Result against the success criteria, and where its evidence is").fill("Baseline of three tasks recorded.");
  await result.getByRole("button", { name: "Save result" }).click();
  await expect(result.getByRole("status")).toContainText("Saved");
  await fillProof(dee, "Session trace");
  await expect(dee.getByText("Review required", { exact: true })).toBeVisible();
  await dee.goto("/");
  const waiting = dee
    .getByRole("list", { name: "Learning path" })
    .getByRole("listitem")
    .filter({ hasText: "1. Codex Code Internals" })
    .last();
  await expect(waiting).toContainText("Review required");

  await rex.goto(`/review/${packetId}`);
  const verdict = rex.getByRole("form", { name: "Verdict" });
  await scoreAll(verdict, "4", { Correctness: "5", "Speed/Fluency": "3" });
  await submitVerdict(verdict, "Approve");
  await expect(rex.getByText(/^Accepted by Rex Reviewer/)).toBeVisible();

  await dee.goto("/");
  await expect(dee.getByRole("progressbar", { name: "Modules completed" })).toHaveAttribute("aria-valuetext", "1 of 8 completed");
  await expect(dee.getByRole("progressbar", { name: "Modules completed" })).toHaveAttribute("aria-valuenow", "13");
  await expect(dee.getByRole("progressbar", { name: "Exercises finished" })).toHaveAttribute("aria-valuetext", "1 of 36 finished");
  await expect(dee.getByRole("region", { name: "What next" })).toContainText("Start Module 2: Advanced Customization.");
  await expect(dee.getByRole("region", { name: "Pace and milestones" })).toContainText("Week 1: 1 of 8 modules");
  await expect(dee.getByRole("region", { name: "Re-drill" })).toContainText("0 due now, 5 coming up");
  const path = dee.getByRole("list", { name: "Learning path" });
  await expect(path.getByRole("listitem").filter({ hasText: "1. Codex Code Internals" }).last()).toContainText("Done");
  await expect(
    dee.getByRole("region", { name: "Rubric scores per module" }).getByRole("row", { name: /Codex Code Internals/ }),
  ).toContainText("3self 4");
  await expectAccessible(dee);
  await dee.goto("/progress");
  await expect(dee.getByRole("region", { name: "Capability spine", exact: true })).toContainText("M1: average 4 (accept by Rex Reviewer)");
});

test("a timer survives a reload, refuses a second stop, and the hours update", async ({ browser, expectAccessible }) => {
  const dee = await signIn(browser, DEE);
  await dee.goto("/");
  expect(await hours(dee)).toBe("0 h of 45–55 h");
  const start = dee.getByRole("form", { name: "Timer", exact: true });
  await start.getByLabel("Module or exercise").selectOption("2");
  await start.getByRole("button", { name: "Start the timer" }).click();
  const running = dee.getByRole("form", { name: "Running timer" });
  await expect(running).toContainText("Timer running on Module 2: Advanced Customization");

  await dee.reload();
  await expect(running).toContainText("Timer running on Module 2: Advanced Customization");
  await expect(running.getByRole("timer")).not.toHaveText("00:00:00");
  const stale = await dee.context().newPage();
  await stale.goto("/");
  await expect(stale.getByRole("form", { name: "Running timer" })).toBeVisible();

  await running.getByRole("button", { name: "Stop the timer" }).click();
  await expect(dee.getByRole("form", { name: "Timer", exact: true }).getByRole("status")).toContainText(
    /Stopped: \d+ s recorded on module 2\./,
  );
  await expect.poll(() => hours(dee)).toMatch(/^\d+ s of 45–55 h$/);
  await expect(dee.getByRole("region", { name: "Time per module" }).getByRole("row", { name: /Advanced Customization/ })).toContainText(
    /\d+ s/,
  );

  await stale.getByRole("form", { name: "Running timer" }).getByRole("button", { name: "Stop the timer" }).click();
  // The refusal stays on screen while the page refreshes to show that no timer runs.
  await expect(stale.getByRole("form", { name: "Timer", exact: true }).getByRole("alert")).toContainText(
    "No timer is running: it was already stopped.",
  );
  await expectAccessible(dee);

  // An exercise page times that exercise.
  await dee.goto("/programs/codex-mastery/modules/internals/exercises/tool-schema");
  await dee.getByRole("form", { name: "Timer", exact: true }).getByRole("button", { name: "Start the timer" }).click();
  await expect(dee.getByRole("form", { name: "Running timer" })).toContainText("Timer running on Exercise 1.2:");
  await expectAccessible(dee);
  await dee.getByRole("form", { name: "Running timer" }).getByRole("button", { name: "Stop the timer" }).click();
  await expect(dee.getByRole("form", { name: "Timer", exact: true }).getByRole("status")).toContainText("recorded on module 1.");
});

test("time added by hand and corrected, with field errors for bad input", async ({ browser, expectAccessible }) => {
  const dee = await signIn(browser, DEE);
  await dee.goto("/time");
  const add = dee.getByRole("form", { name: "Add time" });
  await add.getByLabel("Day").fill("");
  await add.getByLabel(/^Minutes/).fill("0");
  await add.getByLabel("Note (optional)").fill("reading");
  await add.getByRole("button", { name: "Add the time" }).click();
  await expect(add.getByRole("alert")).toContainText("The time was not added: some fields need attention.");
  await expect(add.getByText("choose a module", { exact: true })).toBeVisible();
  await expect(add.getByText("enter the day (YYYY-MM-DD)")).toBeVisible();
  await expect(add.getByText("enter at least 1 minute")).toBeVisible();
  await expect(add.getByLabel("Note (optional)")).toHaveValue("reading");
  await expect(add.getByLabel(/^Minutes/)).toHaveAttribute("aria-invalid", "true");

  await add.getByLabel("Module or exercise").selectOption("1:context-budget");
  await add.getByLabel("Day").fill(today());
  await add.getByLabel(/^Minutes/).fill("30");
  await add.getByRole("button", { name: "Add the time" }).click();
  await expect(add.getByRole("status")).toContainText("Added 30 min on module 1.");
  const entries = dee.getByRole("region", { name: "Time entries" });
  const row = entries.getByRole("row", { name: /Exercise 1\.3/ });
  await expect(row).toContainText("added by hand");

  await row.getByText("Correct", { exact: true }).click();
  const correct = row.getByRole("form", { name: /Correct the entry/ });
  await correct.getByLabel(/^Minutes/).fill("20");
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByText("say why the time changes")).toBeVisible();
  await correct.getByLabel("Why the time changes").fill("stopped for lunch in between");
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByRole("status")).toContainText("Corrected: the entry now counts 20 min");
  await expect(entries.getByRole("row", { name: /Exercise 1\.3/ })).toContainText("corrected 1×");
  await expect(dee.getByRole("region", { name: "Time per week" })).toBeVisible();
  await expectAccessible(dee);
});

test("the status update is a page and a download", async ({ browser, expectAccessible }) => {
  const dee = await signIn(browser, DEE);
  await dee.goto("/");
  await dee.getByRole("link", { name: "Status update report" }).click();
  await expect(dee.getByRole("heading", { level: 1, name: "Status update" })).toBeVisible();
  const report = dee.getByRole("article", { name: "Status update report" });
  await expect(report).toContainText(`Status Update (${today()})`);
  await expect(report).toContainText("Error Capture Blocks");
  await expectAccessible(dee);

  const [download] = await Promise.all([dee.waitForEvent("download"), dee.getByRole("link", { name: "Download as Markdown" }).click()]);
  expect(download.suggestedFilename()).toBe(`status-update-${today()}-${DEE.name.replace(" ", "_")}.md`);
  const markdown = await readFile((await download.path())!, "utf8");
  const sections = [
    "Repo Map",
    "Capability Audit Table",
    "High-Signal Findings",
    "Atomic Diffs",
    "Local Tests & Gates",
    "Reproducibility Checklist",
    "Deferred Items",
    "Error Capture Blocks",
  ];
  const positions = [
    `# 📍codex-code-mastery: Status Update (${today()})`,
    ...sections.map((s, i) => `${i + 1}. **${s}**`),
    "## Codex-ready Task Sequence",
  ].map((mark) => markdown.indexOf(mark));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(markdown).toMatch(/\| Read and steer an agent session[^|]*— Module 1: Codex Code Internals \| Implemented \|/);
  expect(markdown).not.toContain("{{");

  const refused = await dee.request.get("/report/download?learner=someone-else");
  expect(refused.status()).toBe(403);

  const rex = await signIn(browser, REVIEWER);
  await rex.goto("/");
  const picker = rex.getByRole("form", { name: "Choose a learner" });
  await picker.getByLabel("Learner").selectOption({ label: `${DEE.name} (codex-mastery)` });
  await expect(rex.getByText(`${DEE.name}'s progress, as their reviewer sees it.`)).toBeVisible();
  await expect(rex.getByRole("progressbar", { name: "Modules completed" })).toHaveAttribute("aria-valuetext", "1 of 8 completed");
  await expect(rex.getByRole("form", { name: "Timer", exact: true })).toHaveCount(0);
  const learnerId = new URL(rex.url()).searchParams.get("learner")!;
  const forReviewer = await rex.request.get(`/report/download?learner=${learnerId}`);
  expect(forReviewer.status()).toBe(200);
  expect(await forReviewer.text()).toContain(`Learner: **${DEE.name}**`);
  await expectAccessible(rex);
});

test("the dashboard and the report fit a phone @phone", async ({ browser, expectAccessible }) => {
  const page = await signIn(browser, LEARNER);
  await page.setViewportSize(test.info().project.use.viewport ?? { width: 412, height: 839 });
  for (const address of ["/", "/progress", "/report", "/time"]) {
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
});
