// People and packet steps shared by the browser specs: the first setup (done by whichever spec
// needs it first, with its refusal checked), signing in, scoring and submitting a proof.
import type { Browser, Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

export const LEARNER = { name: "Ada Learner", passphrase: "ada-passphrase-1" };
export const REVIEWER = { name: "Rex Reviewer", passphrase: "rex-passphrase-1" };

/**
 * Creates the first learner and reviewer through the setup form, after checking that a weak
 * passphrase is refused with the other values kept. Does nothing when the app is set up already.
 */
export async function ensureSetUp(page: Page, expectAccessible: (page?: Page) => Promise<void>): Promise<void> {
  await page.goto("/setup");
  if (!page.url().endsWith("/setup")) return;
  await expectAccessible();
  const form = page.getByRole("form", { name: "Set up" });
  await form.getByRole("group", { name: "Learner" }).getByLabel("Name").fill(LEARNER.name);
  await form.getByRole("group", { name: "Learner" }).getByLabel("Passphrase").fill("short");
  await form.getByRole("group", { name: "Reviewer" }).getByLabel("Name").fill(REVIEWER.name);
  await form.getByRole("group", { name: "Reviewer" }).getByLabel("Passphrase").fill(REVIEWER.passphrase);
  await form.getByRole("button", { name: /Create and sign in/ }).click();
  await expect(form.getByText("use at least 10 characters")).toBeVisible();
  await expect(form.getByRole("group", { name: "Reviewer" }).getByLabel("Name")).toHaveValue(REVIEWER.name);

  await form.getByRole("group", { name: "Learner" }).getByLabel("Passphrase").fill(LEARNER.passphrase);
  await form.getByRole("group", { name: "Reviewer" }).getByLabel("Passphrase").fill(REVIEWER.passphrase);
  await form.getByRole("button", { name: /Create and sign in/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`${LEARNER.name} (learner)`)).toBeVisible();
}

/** Signs in on a fresh browser context of its own. */
export async function signIn(browser: Browser, who: { name: string; passphrase: string }): Promise<Page> {
  return signInOn(await (await browser.newContext()).newPage(), who);
}

/** Signs in on a page (after forgetting whoever was signed in there). */
export async function signInOn(page: Page, who: { name: string; passphrase: string }): Promise<Page> {
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Passphrase").fill(who.passphrase);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`${who.name} (`)).toBeVisible();
  return page;
}

export async function scoreAll(form: Locator, level: string) {
  for (const dimension of ["Correctness", "Speed/Fluency", "Resilience", "Judgment", "Maintainability", "Collaboration Readiness"]) {
    await form.getByRole("group", { name: dimension }).getByLabel(level).check();
  }
}

export async function fillProof(page: Page, evidenceTitle: string) {
  const form = page.getByRole("form", { name: "Submit for review" });
  await form.getByLabel("Build/validation status").selectOption("passing");
  await form.getByLabel("What was validated (command and result)").fill("scripts/validate.sh exited 0");
  await form.getByLabel("Test/drill status").selectOption("passing");
  await form.getByLabel("Which drills and tests ran, with results").fill("Role labelling drill, 3 reps in 14 minutes");
  await scoreAll(form, "4");
  await expect(form.getByText(/Total 24 of 30, average 4: passes/)).toBeVisible();
  await form.getByLabel("Rubric score summary").fill("4 in every dimension");
  await form.getByLabel("Risks").fill("The hook is not on CI yet");
  await form.getByLabel("Follow-ups").fill("Add the hook to CI");
  await form.getByRole("group", { name: "Claim 1" }).getByLabel("What you claim").fill("Every message of the trace is labelled by role");
  await form.getByRole("group", { name: "Claim 1" }).getByLabel(evidenceTitle).check();
  await form.getByRole("button", { name: "Submit for review" }).click();
}
