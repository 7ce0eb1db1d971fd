// The dashboard's charts in a browser: one-line empty states before there is anything to draw,
// then, with module 1 accepted and time added by hand, the progress line that stops at this week
// beside the plan to the program's end, the hours per week, the rubric as a module × dimension
// table with reviewer and self-scores, and each chart's table.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addNote, fillProof, scoreAll, submitVerdict } from "./packet-steps";
import { addLearner, REVIEWER, signIn } from "./people";

const CLEO = { name: `Cleo ${Date.now().toString(36)}`, passphrase: "cleo-passphrase-1" };
const MODULE_1 = "/programs/codex-mastery/modules/internals/packet";
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial", timeout: 180_000 });

const figure = (page: Page, name: string) => page.getByRole("figure", { name, exact: true });

async function addTime(page: Page, day: string, minutes: number) {
  await page.goto("/time");
  const add = page.getByRole("form", { name: "Add time" });
  await add.getByLabel("Module or exercise").selectOption("1");
  await add.getByLabel("Day").fill(day);
  await add.getByLabel(/^Minutes/).fill(String(minutes));
  await add.getByRole("button", { name: "Add the time" }).click();
  await expect(add.getByRole("status")).toContainText("Added");
}

test("charts with nothing to draw say so in one line instead of empty axes", async ({ browser, expectAccessible }) => {
  const rex = await signIn(browser, REVIEWER);
  await addLearner(rex, CLEO);
  const cleo = await signIn(browser, CLEO);
  await cleo.goto("/");
  await expect(figure(cleo, "Cumulative progress")).toContainText("Starts when work on the first module begins.");
  await expect(figure(cleo, "Hours per week")).toContainText("No hours recorded yet");
  await expect(figure(cleo, "Rubric scores per module")).toContainText("Rubric scores appear here after the first review.");
  await expect(cleo.locator("figure svg")).toHaveCount(0);
  await expect(cleo.getByRole("progressbar", { name: "Personal playbook" })).toHaveAttribute("aria-valuetext", "0 of 30 entries");
  await expectAccessible(cleo);
});

test("after module 1 is accepted: progress to this week, the plan to the end, the rubric table, and 0 hours as one line", async ({
  browser,
  expectAccessible,
}) => {
  const cleo = await signIn(browser, CLEO);
  await cleo.goto(MODULE_1);
  await cleo.getByRole("button", { name: "Start this module" }).click();
  const packetId = (await cleo.getByTestId("packet-id").textContent())!;
  await addNote(cleo, "Session trace", "user: fix the test\nassistant: calls read_file");
  await fillProof(cleo, "Session trace");
  await expect(cleo.getByText("Review required", { exact: true })).toBeVisible();

  const rex = await signIn(browser, REVIEWER);
  await rex.goto(`/review/${packetId}`);
  const verdict = rex.getByRole("form", { name: "Verdict" });
  await scoreAll(verdict, "4", { Correctness: "5", "Speed/Fluency": "3" });
  await submitVerdict(verdict, "Approve");
  await expect(rex.getByText(/^Accepted by Rex Reviewer/)).toBeVisible();

  await cleo.goto("/");
  await expect(figure(cleo, "Hours per week")).toContainText("No hours recorded yet");
  const progress = figure(cleo, "Cumulative progress");
  await expect(progress).toContainText("1 of 8 modules and 0 exercises by week 1; the dashed line is the milestone plan to week 8.");
  await progress.getByText("Show as a table").click();
  const weeks = progress.getByRole("region", { name: "Cumulative progress as a table" });
  await expect(weeks.getByRole("row", { name: /^Week 1\b/ })).toHaveText(/Week 1\s*1\s*0\s*0/);
  await expect(weeks.getByRole("row", { name: /^Week 8\b/ })).toHaveText(/Week 8\s*—\s*—\s*8/);

  const rubric = figure(cleo, "Rubric scores per module").getByRole("region", { name: "Rubric scores per module" });
  const row = rubric.getByRole("row", { name: /1\. Codex Code Internals/ });
  await expect(row.getByRole("cell")).toHaveText(["5self 4", "3self 4", "4self 4", "4self 4", "4self 4", "4self 4", "4self 4"]);
  await expect(rubric.getByRole("columnheader")).toHaveText([
    "Module",
    "Correctness",
    "Speed/Fluency",
    "Resilience",
    "Judgment",
    "Maintainability",
    "Collaboration Readiness",
    "Average",
  ]);
  await expect(figure(cleo, "Rubric scores per module")).toContainText("The latest review of 1 module:");
  await expectAccessible(cleo);
});

test("with time recorded the hours chart draws, and every chart has its table", async ({ browser, expectAccessible }) => {
  const cleo = await signIn(browser, CLEO);
  await addTime(cleo, daysAgo(9), 60);
  await addTime(cleo, daysAgo(0), 90);
  await cleo.goto("/");
  const hours = figure(cleo, "Hours per week");
  await expect(hours).toContainText("2.5 h in 2 weeks");
  await hours.getByText("Show as a table").click();
  await expect(hours.getByRole("region", { name: "Hours per week as a table" }).getByRole("row")).toHaveText([
    /Week\s*Hours/,
    /Week 1\s*1/,
    /Week 2\s*1\.5/,
  ]);
  const progress = figure(cleo, "Cumulative progress");
  await expect(progress).toContainText("by week 2");
  await expect(progress.getByRole("img")).toContainText("modules 1");
  for (const name of ["Cumulative progress", "Hours per week"]) await expect(figure(cleo, name).getByRole("img")).toBeVisible();
  await expectAccessible(cleo);
});
