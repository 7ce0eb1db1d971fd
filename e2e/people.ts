// The people every spec can sign in as (created by setup.spec.ts, which runs first), and sign-in
// in a browser context of its own: through the form, or, for a person whose signed-in state
// setup.spec.ts kept, by opening a context with that state.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Person = { name: string; passphrase: string };

export const LEARNER: Person = { name: "Ada Learner", passphrase: "ada-passphrase-1" };
export const REVIEWER: Person = { name: "Rex Reviewer", passphrase: "rex-passphrase-1" };
/** The time zone setup.spec.ts's browser is in, which the first learner and reviewer get at setup. */
export const SETUP_TIME_ZONE = "Africa/Abidjan";

type KeptSignIn = { landing: string; state: Awaited<ReturnType<BrowserContext["storageState"]>> };

function keptFile(who: Person): string {
  return path.join(process.env.E2E_SCRATCH!, `signed-in-${who.name.replace(/\W+/g, "-").toLowerCase()}.json`);
}

/** Signs in through the sign-in form; the page is where sign-in lands. */
export async function signInThroughForm(browser: Browser, who: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Passphrase").fill(who.passphrase);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`${who.name} (`)).toBeVisible();
  return page;
}

/** Keeps a signed-in page's cookies and landing page, so that `signIn` of this person skips the form. */
export async function keepSignedIn(page: Page, who: Person): Promise<void> {
  const kept: KeptSignIn = { landing: new URL(page.url()).pathname, state: await page.context().storageState() };
  writeFileSync(keptFile(who), JSON.stringify(kept));
}

/** A signed-in page of its own for this person, on the page sign-in lands on. */
export async function signIn(browser: Browser, who: Person): Promise<Page> {
  const file = keptFile(who);
  if (!existsSync(file)) return signInThroughForm(browser, who);
  const { landing, state } = JSON.parse(readFileSync(file, "utf8")) as KeptSignIn;
  const page = await (await browser.newContext({ storageState: state })).newPage();
  await page.goto(landing);
  await expect(page.getByText(`${who.name} (`)).toBeVisible();
  return page;
}

/** Opens the signed-in person's account menu (Settings, People, Sign out) in the header. */
export async function openAccountMenu(page: Page): Promise<void> {
  const account = page.locator("header details").filter({ has: page.locator("summary", { hasText: "(" }) });
  await account.locator("summary").click();
  await expect(account).toHaveAttribute("open", "");
}

/** A reviewer adds a person (a learner with a profile in the default program, or a reviewer). */
export async function addPerson(reviewer: Page, who: Person, role: "learner" | "reviewer" = "learner"): Promise<void> {
  await reviewer.goto("/people");
  const add = reviewer.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Name").fill(who.name);
  await add.getByLabel("Passphrase").fill(who.passphrase);
  await add.getByLabel("Role").selectOption(role);
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("status")).toContainText(`Added ${who.name} as a ${role}`);
}

/** A reviewer adds a learner with a profile in the default program. */
export function addLearner(reviewer: Page, who: Person): Promise<void> {
  return addPerson(reviewer, who);
}
