// The dashboard leads with what next, the learning path and the success metrics; the Progress page
// holds the indicator checklist, whose ticks and notes are saved as they change (and by a Save
// button without scripts), read-only for the reviewer and refused to anyone but the learner.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addLearner, REVIEWER, signIn } from "./people";

const ENA = { name: `Ena ${Date.now().toString(36)}`, passphrase: "ena-passphrase-1" };
const EXPLAIN = "Qualitative checklist: Can explain Codex internals to others";
const NOTE = "Note: what shows it";

test.describe.configure({ mode: "serial", timeout: 120_000 });

/** An indicator's entry: its form (tick and note) and its history. */
const indicator = (page: Page, name: string | RegExp) => page.getByRole("listitem").filter({ has: page.getByRole("form", { name }) });

test("the dashboard leads with what next, the learning path and the success metrics, and links to Progress", async ({ browser }) => {
  const rex = await signIn(browser, REVIEWER);
  await addLearner(rex, ENA);
  const ena = await signIn(browser, ENA);
  await ena.goto("/");
  const main = ena.getByRole("main");
  const headings = await main.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.slice(0, 3)).toEqual(["What next", "Learning path", "Success metrics"]);
  for (const moved of ["Capability spine", "Proficiency end-state", "Qualitative checklist and behavioural indicators"]) {
    expect(headings).not.toContain(moved);
  }
  await expect(main.getByRole("checkbox")).toHaveCount(0);
  await main.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(ena.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  await expect(ena.getByRole("region", { name: "Capability spine", exact: true })).toBeVisible();
  await expect(ena.getByRole("region", { name: "Proficiency end-state", exact: true })).toBeVisible();
});

test("ticks and notes on the Progress page save as they change and stay after a reload", async ({ browser, expectAccessible }) => {
  const ena = await signIn(browser, ENA);
  await ena.goto("/progress");
  const explain = indicator(ena, EXPLAIN);
  await explain.getByRole("checkbox").click();
  await expect(explain.getByRole("alert")).toHaveText("Not saved: say what shows it: an example, a packet or a link.");
  await expect(explain.getByRole("checkbox")).not.toBeChecked();
  await expect(explain.getByLabel(NOTE)).toHaveAttribute("aria-invalid", "true");

  await explain.getByLabel(NOTE).fill("Explained the session loop to a colleague");
  await explain.getByRole("checkbox").click();
  await expect(ena.getByRole("heading", { name: "Qualitative checklist (1 of 5)" })).toBeVisible();
  await expect(explain.getByRole("alert")).toHaveCount(0);
  await expect(explain.getByText("History (1)")).toBeVisible();

  // A note alone is saved when its field is left.
  const behaviour = indicator(ena, /^Behavioural indicators: /).first();
  await behaviour.getByLabel(NOTE).fill("Bisected one flaky test so far");
  await behaviour.getByLabel(NOTE).press("Tab");
  await expect(behaviour.getByText("History (1)")).toBeVisible();
  await expectAccessible(ena);

  await ena.reload();
  await expect(explain.getByRole("checkbox")).toBeChecked();
  await expect(explain.getByLabel(NOTE)).toHaveValue("Explained the session loop to a colleague");
  await expect(behaviour.getByRole("checkbox")).not.toBeChecked();
  await expect(behaviour.getByLabel(NOTE)).toHaveValue("Bisected one flaky test so far");
  await expect(ena.getByRole("heading", { name: "Behavioural indicators (0 of 5)" })).toBeVisible();
});

test("without scripts the checklist is sent with its Save button", async ({ browser }) => {
  const ena = await signIn(browser, ENA);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await ena.context().storageState() });
  const page = await context.newPage();
  await page.goto("/progress");
  const item = indicator(page, /^Qualitative checklist: /).nth(1);
  await item.getByRole("checkbox").check();
  await item.getByRole("button", { name: "Save" }).click();
  await expect(item.getByText("say what shows it: an example, a packet or a link")).toBeVisible();
  await expect(item.getByRole("checkbox")).toBeChecked();
  await item.getByLabel(NOTE).fill("Walked a teammate through the plan format");
  await item.getByRole("button", { name: "Save" }).click();
  await expect(item.getByRole("status").first()).toContainText("Ticked, with your note.");
  await expect(page.getByRole("heading", { name: "Qualitative checklist (2 of 5)" })).toBeVisible();
  await context.close();
});

test("the reviewer reads the learner's Progress page and cannot tick", async ({ browser, expectAccessible }) => {
  const rex = await signIn(browser, REVIEWER);
  await rex.goto("/progress");
  await rex
    .getByRole("form", { name: "Choose a learner" })
    .getByLabel("Learner")
    .selectOption({ label: `${ENA.name} (codex-mastery)` });
  await expect(rex.getByText(`${ENA.name}'s progress, as their reviewer sees it (read-only).`)).toBeVisible();
  const checklist = rex.getByRole("region", { name: "Qualitative checklist and behavioural indicators" });
  await expect(checklist).toContainText("Ticked: Can explain Codex internals to others");
  await expect(checklist).toContainText("Explained the session loop to a colleague");
  await expect(checklist.getByRole("checkbox")).toHaveCount(0);
  await expect(checklist.getByRole("textbox")).toHaveCount(0);
  await expect(rex.getByRole("region", { name: "Capability spine", exact: true })).toBeVisible();
  await expectAccessible(rex);
  const learnerId = new URL(rex.url()).searchParams.get("learner")!;
  await rex.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(rex.getByText(`${ENA.name}'s progress, as their reviewer sees it.`)).toBeVisible();
  expect(new URL(rex.url()).searchParams.get("learner")).toBe(learnerId);

  // The learner's page, sent with the reviewer's session: the tick is refused.
  const ena = await signIn(browser, ENA);
  expect((await ena.goto(`/progress?learner=someone-else`))!.status()).toBe(404);
  await ena.goto("/progress");
  const item = indicator(ena, /^Behavioural indicators: /).first();
  await ena.context().clearCookies();
  await ena.context().addCookies(await rex.context().cookies());
  await item.getByRole("checkbox").click();
  await expect(item.getByRole("alert")).toContainText("You have no learner profile");
  await expect(item.getByRole("checkbox")).not.toBeChecked();
});
