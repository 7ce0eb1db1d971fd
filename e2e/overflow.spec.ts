// Every main page fits the screen from a phone to a desktop, for a learner and a reviewer: no page
// scrolls sideways, and every destination of the navigation and the account menu is reachable by
// keyboard at each width (through the "Menu" button where the navigation is collapsed).
import type { Page } from "@playwright/test";
import { expect, expectNoErrorBoundary, test } from "./fixtures";
import { proofFor } from "./packet-steps";
import { addLearner, type Person, REVIEWER, signIn } from "./people";

const WIDTHS = [320, 390, 768, 1024, 1280] as const;
/** Widths at which each page is also checked with axe. */
const AXE_WIDTHS: readonly number[] = [390, 1280];
const MODULE = "/programs/codex-mastery/modules/internals";
const NAV = ["Dashboard", "Modules", "Review", "Patterns", "Playbook", "Plans", "Log", "Time"] as const;
/** Where the keyboard walks start: a page no destination leads to. */
const START = "/search";
const LONG_URL = `https://example.com/${"a-very-long-path-segment-without-any-break-".repeat(4)}end`;

const LEARNER_PAGES = [
  "/",
  "/programs/codex-mastery",
  "/programs/codex-mastery/playbook",
  "/programs/codex-mastery/patterns",
  MODULE,
  `${MODULE}/exercises/tool-schema`,
  `${MODULE}/packet`,
  "/patterns",
  "/playbook",
  "/plans",
  "/log",
  "/time",
  "/report",
  "/search?q=trace",
  "/settings",
];

/**
 * A learner of this spec's own with module 1 submitted for review (a long link among its evidence),
 * set up once per worker; each test signs the learner in on a page of its own.
 */
let submitted: Promise<{ packetId: string }> | null = null;
function submittedLearner(page: Page, who: Person) {
  submitted ??= (async () => {
    await addLearner(page, who);
    const learner = await signIn(page.context().browser()!, who);
    expect((await learner.request.post("/api/v1/modules/1/start", { data: {} })).status()).toBe(200);
    const link = await learner.request.post("/api/v1/modules/1/evidence", { data: { kind: "link", title: "Trace", url: LONG_URL } });
    expect(link.status(), await link.text()).toBe(201);
    const { evidence } = (await link.json()) as { evidence: { itemKey: string } };
    const sent = await learner.request.post("/api/v1/modules/1/submit", { data: proofFor([evidence.itemKey]) });
    expect(sent.status(), await sent.text()).toBeLessThan(300);
    const { packet } = (await (await learner.request.get("/api/v1/modules/1/packet")).json()) as { packet: { packetId: string } };
    return { packetId: packet.packetId };
  })();
  return submitted;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Opens each page at each width and checks that nothing sticks out sideways (and axe at two widths). */
async function expectEveryPageFits(page: Page, paths: string[], expectAccessible: (page?: Page) => Promise<void>) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expectNoErrorBoundary(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(page), `${path} at ${width} px`).toBeLessThanOrEqual(0);
      if (AXE_WIDTHS.includes(width)) await expectAccessible(page);
    }
  }
}

/** What has keyboard focus: its text and, for a link, where it goes. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? "", text: el?.innerText.trim() ?? "", href: el?.getAttribute("href") ?? "" };
  });
}

/** Presses Tab until the focused element matches (within the header's few dozen stops). */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** From the top of the page, by keyboard only: opens the Menu when collapsed, then follows one link. */
async function followByKeyboard(page: Page, label: string, inAccountMenu: string | null) {
  await page.goto(START);
  const collapsed = await page.locator("summary", { hasText: "Menu" }).isVisible();
  if (inAccountMenu) {
    await tabTo(page, (f) => f.tag === "summary" && f.text.includes(inAccountMenu), "the account menu");
    await page.keyboard.press("Enter");
  } else if (collapsed) {
    await tabTo(page, (f) => f.tag === "summary" && f.text === "Menu", "the Menu button");
    await page.keyboard.press("Enter");
  }
  await tabTo(page, (f) => ["a", "button"].includes(f.tag) && f.text === label, label);
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/\/search$/);
  await expectNoErrorBoundary(page);
}

/** Follows every destination by keyboard at every width; `signOut` ends with the account menu's Sign out. */
async function expectNavigationByKeyboard(page: Page, name: string, accountItems: string[], signOut: boolean) {
  for (const [index, width] of WIDTHS.entries()) {
    await page.setViewportSize({ width, height: 900 });
    // Each width follows every destination of the account menu and a share of the navigation's,
    // so that across the widths every destination is followed at least once…
    for (const label of NAV.filter((_, i) => i % WIDTHS.length === index)) await followByKeyboard(page, label, null);
    for (const label of accountItems) await followByKeyboard(page, label, name);
    // …and at every width every destination is one Tab stop of the (opened) navigation.
    await page.goto(START);
    if (await page.locator("summary", { hasText: "Menu" }).isVisible()) {
      await tabTo(page, (f) => f.tag === "summary" && f.text === "Menu", "the Menu button");
      await page.keyboard.press("Enter");
    }
    const seen = new Set<string>();
    for (let i = 0; i < 30 && seen.size < NAV.length; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f.tag === "a" && (NAV as readonly string[]).includes(f.text)) seen.add(f.text);
    }
    expect([...seen].sort(), `navigation at ${width} px`).toEqual([...NAV].sort());
  }
  if (signOut) {
    await followByKeyboard(page, "Sign out", name);
    await expect(page).toHaveURL(/\/signin$/);
  }
}

// Each worker makes its own (the two may load this file in the same millisecond).
const OLA: Person = { name: `Ola Overflow-Wide-Name ${Date.now().toString(36)}${process.pid}`, passphrase: "ola-passphrase-1" };

// The tests of this file share no state they change, so the two workers split them; each worker
// makes its own learner.
test.describe.configure({ mode: "parallel" });

/** The pages in groups of four: one test each, so that a test's page loads and axe scans stay short. */
function inFours(paths: string[]): string[][] {
  return Array.from({ length: Math.ceil(paths.length / 4) }, (_, i) => paths.slice(i * 4, i * 4 + 4));
}

for (const paths of inFours(LEARNER_PAGES)) {
  test(`a learner's pages fit every width from 320 to 1280 px: ${paths.join(", ")}`, async ({ browser, expectAccessible }) => {
    // Four pages at five widths with axe scans of long pages at two of them: slow on a busy machine.
    test.slow();
    await submittedLearner(await signIn(browser, REVIEWER), OLA);
    await expectEveryPageFits(await signIn(browser, OLA), paths, expectAccessible);
  });
}

const REVIEWER_PAGES = [...LEARNER_PAGES.filter((p) => p !== `${MODULE}/packet`), "/review", "the review page", "/people"];
for (const paths of inFours(REVIEWER_PAGES)) {
  test(`a reviewer's pages fit every width from 320 to 1280 px: ${paths.join(", ")}`, async ({ browser, expectAccessible }) => {
    test.slow();
    const rex = await signIn(browser, REVIEWER);
    const { packetId } = await submittedLearner(rex, OLA);
    await expectEveryPageFits(
      rex,
      paths.map((p) => (p === "the review page" ? `/review/${packetId}` : p)),
      expectAccessible,
    );
  });
}

test("a reviewer reaches every destination by keyboard at every width", async ({ browser }) => {
  // Some two hundred key presses and twenty page loads: slow on a busy machine.
  test.slow();
  // Signing out would end the session other specs share: the learner's test follows Sign out.
  await expectNavigationByKeyboard(await signIn(browser, REVIEWER), REVIEWER.name, ["Settings", "People"], false);
});

test("a learner reaches every destination by keyboard at every width, and signs out", async ({ browser }) => {
  test.slow();
  // A learner of this test's own, as it ends by signing out.
  const oli: Person = { name: `Oli Keyboard ${Date.now().toString(36)}`, passphrase: "oli-passphrase-1" };
  await addLearner(await signIn(browser, REVIEWER), oli);
  await expectNavigationByKeyboard(await signIn(browser, oli), oli.name, ["Settings"], true);
});

test("the menus open and close by keyboard and pointer, and an anchor lands below the sticky header", async ({
  browser,
  expectAccessible,
}) => {
  const page = await signIn(browser, REVIEWER);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/patterns");
  const menu = page.locator("details", { has: page.locator("summary", { hasText: "Menu" }) });
  await menu.locator("summary").click();
  await expect(menu).toHaveAttribute("open", "");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Time" })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open");
  await expect(menu.locator("summary")).toBeFocused();
  const account = page.locator("details", { has: page.locator("summary", { hasText: REVIEWER.name }) });
  await account.locator("summary").click();
  await expect(account.getByRole("link", { name: "People" })).toBeVisible();
  await expectAccessible(page);
  // A click outside the open menu (the page's top left corner, which the menu does not cover) closes it.
  await page.locator("main").click({ position: { x: 4, y: 4 } });
  await expect(account).not.toHaveAttribute("open");

  // Opening a section from the module's table of contents puts its heading just below the header.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(MODULE);
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Drills" }).click();
  await expect(page).toHaveURL(/#drills$/);
  const header = await page.locator("header").first().boundingBox();
  const heading = await page.getByRole("heading", { level: 2, name: "Drills" }).boundingBox();
  expect(heading!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
});
