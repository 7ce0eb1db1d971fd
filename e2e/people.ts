// The people every spec can sign in as (created by setup.spec.ts, which runs first), and sign-in
// in a browser context of its own.
import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Person = { name: string; passphrase: string };

export const LEARNER: Person = { name: "Ada Learner", passphrase: "ada-passphrase-1" };
export const REVIEWER: Person = { name: "Rex Reviewer", passphrase: "rex-passphrase-1" };

export async function signIn(browser: Browser, who: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Passphrase").fill(who.passphrase);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`${who.name} (`)).toBeVisible();
  return page;
}

/** A reviewer adds a learner with a profile in the default program. */
export async function addLearner(reviewer: Page, who: Person): Promise<void> {
  await reviewer.goto("/people");
  const add = reviewer.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Name").fill(who.name);
  await add.getByLabel("Passphrase").fill(who.passphrase);
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("status")).toContainText(`Added ${who.name} as a learner`);
}
