// A large playbook and pattern library in a browser: the playbook's contents guide to its pages
// (each part's pages with their first and last titles), it shows its entries in full a page at a
// time, moves between pages, keeps ticks on a later page, names the first few archived entries,
// answers a page past the end or a nonsense page without an error, and prints whole (every title
// in its contents) from its print view; the library pages the same way.
import type { Browser, Page } from "@playwright/test";
import { addLearnerProfile, createUser } from "../lib/auth/people";
import { db } from "../lib/db";
import { AppError } from "../lib/errors";
import { createPattern } from "../lib/library/patterns";
import { createEntry, setEntryArchived } from "../lib/library/playbook";
import { expect, expectNoErrorBoundary, test } from "./fixtures";
import { type Person, signIn } from "./people";
import type { Actor } from "../lib/auth/actor";

const PIA: Person = { name: "Pia Pages", passphrase: "pia-passphrase-1" };
const two = (n: number) => String(n).padStart(2, "0");

test.describe.configure({ mode: "serial", timeout: 120_000 });

let pia: Page;

// 45 entries: 5 quick references and 25 scenarios, then 15 checklists; 20 a page makes 3 pages.
// Every scenario and the last checklist link to a pattern that does not exist; 22 more are archived.
// 55 patterns: 25 a page makes 3 pages. Seeded once per run (the phone project runs this file again).
test.beforeAll(async ({ browser }) => {
  pia = await seed(browser);
});

/** Waits for the seeding a worker of the other project started (its last step writes the 55th pattern). */
async function seededElsewhere(browser: Browser): Promise<Page> {
  const patterns = async () => (await db()).pattern.count({ where: { learner: { owner: { name: PIA.name } } } });
  await expect.poll(patterns, { timeout: 90_000 }).toBe(55);
  return signIn(browser, PIA);
}

async function seed(browser: Browser): Promise<Page> {
  if (await (await db()).user.findUnique({ where: { name: PIA.name } })) return seededElsewhere(browser);
  const user = await createUser({ ...PIA, role: "learner" }).catch((error: unknown) => {
    // The other project's worker created Pia a moment ago.
    if (error instanceof AppError && error.fieldErrors.name) return null;
    throw error;
  });
  if (!user) return seededElsewhere(browser);
  const profile = await addLearnerProfile(user.id, { programSlug: "codex-mastery" });
  const actor: Actor = { kind: "learner", userId: user.id, label: PIA.name };
  for (let i = 1; i <= 5; i++) {
    await createEntry(actor, profile.id, { title: `Reference ${two(i)}`, kind: "quick-reference", body: `Quick fact number ${i}.` });
  }
  for (let i = 1; i <= 25; i++) {
    const body = `When case ${i} happens, **act**; see [[missing-pattern]].`;
    await createEntry(actor, profile.id, { title: `Scenario ${two(i)}`, kind: "scenario", body });
  }
  for (let i = 1; i <= 15; i++) {
    const body = `- [ ] First step of list ${i}\n- [ ] Second step of list ${i}${i === 15 ? " [[missing-pattern]]" : ""}`;
    await createEntry(actor, profile.id, { title: `Checklist ${two(i)}`, kind: "checklist", body });
  }
  for (let i = 1; i <= 22; i++) {
    await createEntry(actor, profile.id, { title: `Old note ${two(i)}`, kind: "quick-reference", body: "Retired." });
    await setEntryArchived(actor, profile.id, `old-note-${two(i)}`, true);
  }
  for (let i = 1; i <= 55; i++) {
    await createPattern(actor, profile.id, {
      title: `Pattern ${two(i)}`,
      category: "speed",
      problem: "A problem.",
      whenToUse: `When number ${i} applies.`,
      howToApply: "Apply it.",
    });
  }
  return signIn(browser, PIA);
}

const pages = (page: Page) => page.getByRole("navigation", { name: "Playbook pages", exact: true });

test("the playbook's contents guide to its pages, and it shows its entries in full a page at a time", async ({ expectAccessible }) => {
  await pia.goto("/playbook");
  const contents = pia.getByRole("region", { name: "Contents" });
  await expect(contents.getByRole("list", { name: "Index entries" })).toHaveCount(0);
  await expect(contents.getByRole("list", { name: "Index pages" }).getByRole("listitem")).toHaveText([
    "Page 1: Reference 01 … Reference 05",
  ]);
  await expect(contents.getByRole("list", { name: "Scenarios pages" }).getByRole("listitem")).toHaveText([
    "Page 1: Scenario 01 … Scenario 15",
    "Page 2: Scenario 16 … Scenario 25",
  ]);
  await expect(contents.getByRole("list", { name: "Checklists pages" }).getByRole("listitem")).toHaveText([
    "Page 2: Checklist 01 … Checklist 10",
    "Page 3: Checklist 11 … Checklist 15",
  ]);
  const archived = pia.getByRole("region", { name: "Archived" });
  await expect(archived.getByRole("listitem")).toHaveCount(20);
  await archived.getByRole("link", { name: "Show all 22 archived" }).click();
  await expect(pia).toHaveURL(/\/playbook\?archived=all#archived$/);
  await expect(archived.getByRole("listitem")).toHaveCount(22);
  await expect(archived.getByRole("link", { name: "Old note 22" })).toBeVisible();
  await pia.goto("/playbook");
  await expect(pia.getByText("Entries 1–20 of 45; a page holds up to 20, fewer when they are long.")).toBeVisible();
  await expect(pia.locator("article.playbook-entry")).toHaveCount(20);
  await expect(pia.getByRole("region", { name: "Index" })).toContainText("Quick fact number 5.");
  await expect(pia.getByRole("region", { name: "Scenarios" })).toContainText("1–15 of 25");
  await expect(pia.getByRole("region", { name: "Checklists" })).toHaveCount(0);
  await expect(pages(pia)).toContainText("Page 1 of 3");
  await expect(pages(pia).getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
  await expect(pages(pia).getByRole("link", { name: "Previous" })).toHaveCount(0);
  const broken = pia.getByRole("region", { name: "Broken links" });
  await expect(broken).toContainText("26 entries and 0 patterns link to slugs that name no pattern.");
  await expect(broken.getByRole("listitem")).toHaveCount(20);
  await expect(broken.getByRole("listitem").first()).toHaveText("Checklist 15 links to [[missing-pattern]], which names no pattern.");
  await expectAccessible(pia);
  await broken.getByRole("link", { name: "Show all 26" }).click();
  await expect(pia).toHaveURL(/\/playbook\?broken=all#broken-links$/);
  await expect(broken.getByRole("listitem")).toHaveCount(26);
  await pia.goto("/playbook");

  await pages(pia).getByRole("link", { name: "Next" }).click();
  await expect(pia).toHaveURL(/\/playbook\?page=2$/);
  await expect(pages(pia).getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  await expect(pia.getByRole("region", { name: "Index" })).toHaveCount(0);
  const scenarios = pia.getByRole("region", { name: "Scenarios" });
  await expect(scenarios).toContainText("16–25 of 25");
  await expect(scenarios.getByRole("heading", { name: /^Scenario 16/ })).toBeVisible();
  await expect(scenarios).not.toContainText("Scenario 15");
  const checklists = pia.getByRole("region", { name: "Checklists" });
  await expect(checklists).toContainText("1–10 of 15");
  await checklists.getByRole("checkbox", { name: "Second step of list 3" }).check();
  await expect(checklists.getByRole("checkbox", { name: "Second step of list 3" })).toBeChecked();
  await pia.waitForLoadState("networkidle");
  await pia.reload();
  await expect(pia.getByRole("checkbox", { name: "Second step of list 3" })).toBeChecked();
  await expectNoErrorBoundary(pia);
  await expectAccessible(pia);

  await pia.getByRole("navigation", { name: "Playbook pages, at the end" }).getByRole("link", { name: "Page 3" }).click();
  await expect(pia).toHaveURL(/\/playbook\?page=3$/);
  await expect(pia.locator("article.playbook-entry")).toHaveCount(5);
  await expect(pia.getByRole("region", { name: "Checklists" })).toContainText("Checklist 15");
  await expect(pages(pia).getByRole("link", { name: "Next" })).toHaveCount(0);
  await pages(pia).getByRole("link", { name: "Previous" }).click();
  await expect(pia).toHaveURL(/\/playbook\?page=2$/);

  // The parts' links lead to the page each part begins on; the guide's pages to their first entry;
  // every title is in the print view's contents, each leading to its entry.
  await pia.getByRole("navigation", { name: "Playbook parts" }).getByRole("link", { name: "Index" }).click();
  await expect(pia).toHaveURL(/\/playbook#index$/);
  await pia.getByRole("navigation", { name: "Playbook parts" }).getByRole("link", { name: "Checklists" }).click();
  await expect(pia).toHaveURL(/\/playbook\?page=2#checklists$/);
  await pia.getByRole("list", { name: "Checklists pages" }).getByRole("link", { name: "Page 3" }).click();
  await expect(pia).toHaveURL(/\/playbook\?page=3#entry-checklist-11$/);
  await expect(pia.getByRole("heading", { level: 3, name: /^Checklist 11/ })).toBeInViewport();
  await pia.getByRole("region", { name: "Contents" }).getByRole("link", { name: "Every title" }).click();
  await expect(pia).toHaveURL(/\/playbook\?all=1$/);
  await pia.getByRole("list", { name: "Checklists entries" }).getByRole("link", { name: "Checklist 12" }).click();
  await expect(pia.getByRole("heading", { level: 1, name: "Checklist 12" })).toBeVisible();
});

test("the program's playbook material has a page of its own, linked from the playbook and from the program", async ({
  expectAccessible,
}) => {
  await pia.goto("/playbook");
  await expect(pia.getByRole("region", { name: "What each module adds" })).toHaveCount(0);
  await pia.getByRole("link", { name: "From the program", exact: true }).click();
  await expect(pia).toHaveURL(/\/programs\/codex-mastery\/playbook$/);
  await expect(pia.getByRole("heading", { level: 1, name: "Playbook from the program" })).toBeVisible();
  const additions = pia.getByRole("region", { name: "What each module adds" });
  await expect(additions.getByRole("link", { name: "Module 1", exact: true }).first()).toBeVisible();
  for (const part of ["Starter index", "Starter scenarios", "Starter checklists"])
    await expect(pia.getByRole("region", { name: part })).toBeVisible();
  await expectNoErrorBoundary(pia);
  await expectAccessible(pia);
  await pia.goto("/programs/codex-mastery");
  await pia.getByRole("link", { name: "Playbook from the program" }).click();
  await expect(pia).toHaveURL(/\/programs\/codex-mastery\/playbook$/);
  expect((await pia.goto("/programs/no-such-program/playbook"))?.status()).toBe(404);
});

test("a page past the end says so, and a nonsense page number shows the first page @phone", async ({ expectAccessible }) => {
  await pia.setViewportSize(test.info().project.use.viewport ?? { width: 412, height: 839 });
  const past = await pia.goto("/playbook?page=99");
  expect(past?.status()).toBe(200);
  await expect(pia.getByText("There is no page 99: the playbook fills 3 pages.")).toBeVisible();
  await expect(pia.locator("article.playbook-entry")).toHaveCount(0);
  await expect(pia.getByRole("region", { name: "Contents" })).toContainText("Scenario 25");
  await expectNoErrorBoundary(pia);
  await expectAccessible(pia);
  await pia.getByRole("link", { name: "Go to page 3, the last" }).click();
  await expect(pia).toHaveURL(/\/playbook\?page=3$/);
  await expect(pia.locator("article.playbook-entry")).toHaveCount(5);

  for (const nonsense of ["abc", "0", "-2", "1.5", "99999999999999999999"]) {
    const response = await pia.goto(`/playbook?page=${nonsense}`);
    expect(response?.status(), nonsense).toBe(200);
    await expect(pages(pia).getByRole("link", { name: "Page 1" }), nonsense).toHaveAttribute("aria-current", "page");
    await expect(pia.locator("article.playbook-entry")).toHaveCount(20);
  }
  const overflow = await pia.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoErrorBoundary(pia);
});

test("the print view holds the whole playbook, and a printed page says where the rest is", async ({ expectAccessible }) => {
  await pia.goto("/playbook?page=2");
  await pia.emulateMedia({ media: "print" });
  await expect(pia.getByText("This printout holds page 2 of 3")).toBeVisible();
  await expect(pages(pia)).toBeHidden();
  await pia.emulateMedia({ media: "screen" });

  await pia.getByRole("link", { name: "Print view (all 45 entries)" }).click();
  await expect(pia).toHaveURL(/\/playbook\?all=1$/);
  await expect(pia.locator("article.playbook-entry")).toHaveCount(45);
  await expect(pia.getByRole("list", { name: "Scenarios entries" }).getByRole("listitem")).toHaveCount(25);
  await expect(pia.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(pages(pia)).toHaveCount(0);
  await expect(pia.getByRole("region", { name: "Checklists" })).toContainText("Checklist 15");
  await expectAccessible(pia);
  await pia.getByRole("link", { name: "Back to pages" }).click();
  await expect(pia).toHaveURL(/\/playbook$/);
});

test("the pattern library pages the same way", async ({ expectAccessible }) => {
  await pia.goto("/patterns");
  const list = pia.getByRole("list", { name: "Patterns", exact: true });
  await expect(list.getByRole("listitem")).toHaveCount(25);
  await expect(pia.getByText("55 patterns · 1–25 on page 1 of 3")).toBeVisible();
  const nav = pia.getByRole("navigation", { name: "Library pages", exact: true });
  await expect(nav.getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(pia);
  await nav.getByRole("link", { name: "Next" }).click();
  await expect(pia).toHaveURL(/\/patterns\?page=2$/);
  await expect(list.getByRole("listitem")).toHaveCount(25);
  await nav.getByRole("link", { name: "Next" }).click();
  await expect(pia).toHaveURL(/\/patterns\?page=3$/);
  await expect(list.getByRole("listitem")).toHaveCount(5);

  await pia.goto("/patterns?sort=title&page=2");
  await expect(list.getByRole("listitem").first()).toContainText("Pattern 26");
  await nav.getByRole("link", { name: "Previous" }).click();
  await expect(pia).toHaveURL(/\/patterns\?sort=title$/);
  await expect(list.getByRole("listitem").first()).toContainText("Pattern 01");

  const past = await pia.goto("/patterns?page=7");
  expect(past?.status()).toBe(200);
  await expect(pia.getByText("There is no page 7: the library fills 3 pages.")).toBeVisible();
  await expectAccessible(pia);
  await pia.goto("/patterns?page=abc");
  await expect(list.getByRole("listitem")).toHaveCount(25);
  await expectNoErrorBoundary(pia);
});
