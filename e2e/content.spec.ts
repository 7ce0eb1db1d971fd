import { expect, expectNoErrorBoundary, test } from "./fixtures";

test("a learner goes from the program to a module to an exercise", async ({ page, expectAccessible }) => {
  await page.goto("/programs/codex-mastery");
  await expect(page.getByRole("heading", { name: "Proficiency end-state" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Capability spine" })).toBeVisible();
  await expectAccessible();

  await page.getByRole("list", { name: "Learning path" }).getByRole("link", { name: "4. Quality & Verification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Module 4: Quality & Verification" })).toBeVisible();
  const toc = page.getByRole("navigation", { name: "On this page" });
  await expect(toc.getByRole("link", { name: "Decision framework" })).toBeVisible();
  await toc.getByRole("link", { name: "Failure modes" }).click();
  await expect(page).toHaveURL(/#failure-modes$/);
  await expect(page.locator("pre code.hljs").first()).toBeVisible();
  await expectAccessible();

  await page.locator("#exercises").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Exercise 4\.1:/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Success criteria" })).toBeVisible();
  await page.getByRole("navigation", { name: "Exercises" }).getByRole("link", { name: /^4\.2/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Exercise 4\.2:/ })).toBeVisible();
  await expectNoErrorBoundary(page);
});

test("the module's table of contents is a list on a wide screen and a closed disclosure on a phone", async ({ page, expectAccessible }) => {
  const toc = page.getByRole("navigation", { name: "On this page" });
  await page.goto("/programs/codex-mastery/modules/quality");
  await expect(toc.getByRole("link", { name: "Drills" })).toBeVisible();
  await expect(toc.locator("summary")).toBeHidden();

  await page.setViewportSize({ width: 390, height: 800 });
  await expect(toc.getByRole("link", { name: "Drills" })).toBeHidden();
  await toc.locator("summary").click();
  await toc.getByRole("link", { name: "Drills" }).click();
  await expect(page).toHaveURL(/#drills$/);
  await expectAccessible();

  // Turned back to wide, the list shows again without a click.
  await page.setViewportSize({ width: 1280, height: 800 });
  await toc.locator("summary").evaluate((summary) => summary.parentElement?.removeAttribute("open"));
  await page.setViewportSize({ width: 390, height: 800 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(toc.getByRole("link", { name: "Exercises" })).toBeVisible();
});

test("a link inside a module's text opens the other module without reloading the page", async ({ page }) => {
  await page.goto("/programs/codex-mastery/modules/quality");
  await page.evaluate(() => Object.assign(window, { stillHere: true }));
  const asked: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith("/_next/")) asked.push(path);
  });
  const link = page.locator("#main .prose").getByRole("link", { name: "Internals" }).first();
  await link.hover();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Module 1: Codex Code Internals" })).toBeVisible();
  expect(await page.evaluate(() => "stillHere" in window)).toBe(true);
  // Nothing was loaded ahead as the pointer came over the link: the click asked for the page once.
  expect(asked).toEqual(["/programs/codex-mastery/modules/internals"]);
});

test("hints are revealed one at a time and the solution only on request", async ({ page, expectAccessible }) => {
  await page.goto("/programs/codex-mastery/modules/internals");
  await page.locator("#exercises").getByRole("link").first().click();
  const hints = page.locator("#hints");
  await expect(hints.getByText(/^Hint 1 of/)).toHaveCount(0);
  await hints.getByRole("button", { name: "Show the first hint" }).click();
  await expect(hints.getByText(/^Hint 1 of \d/)).toBeVisible();
  await expect(hints.getByText(/^Hint 2 of/)).toHaveCount(0);
  await hints.getByRole("button", { name: /Show hint 2 of/ }).click();
  await expect(hints.getByText(/^Hint 2 of \d/)).toBeVisible();

  const solution = page.locator("#solution");
  await expect(solution.locator(".prose")).toHaveCount(0);
  await solution.getByRole("button", { name: "Show the solution discussion" }).click();
  await expect(solution.locator(".prose")).toBeVisible();
  await expectAccessible();
});

test("search opens from the keyboard and goes to the chosen result", async ({ page, expectAccessible }) => {
  await page.goto("/");
  const dialog = page.getByRole("dialog", { name: "Search the program" });
  // The shortcut works once the page is interactive; keep pressing until it is.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(dialog).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.keyboard.type("bisect");
  const first = dialog.getByRole("option").first();
  await expect(first).toContainText("Exercise");
  await expectAccessible();
  const title = (await first.locator("span").first().textContent()) ?? "";
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await page.keyboard.press("Control+k");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("the search page works without the dialog", async ({ page }) => {
  await page.goto("/search?q=handoff+note");
  await expect(page.getByText(/\d+ results? for “handoff note”/)).toBeVisible();
});

test("the authoring page shows a broken program's errors with file, line and field", async ({ page, expectAccessible }) => {
  await page.goto("/author");
  const broken = page.getByRole("region", { name: "Problems in broken-fixture" });
  await expect(broken).toContainText("broken-fixture/modules/01-only.md:7");
  await expect(broken).toContainText("outcomes");
  await expect(broken).toContainText("expected 3–7 items");
  await expect(broken).toContainText("broken-fixture/modules/02-sections.md");
  await expect(broken).toContainText('missing section "## Key concepts" listed in sections');
  await expect(page.getByRole("heading", { name: /Codex Code Mastery Program/ })).toContainText("OK");
  await expectAccessible();
});

test("the API answers a bad search query with a 400 naming the field", async ({ request }) => {
  const response = await request.get(`/api/v1/search?q=${"x".repeat(201)}`);
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code: "invalid", fields: { q: "must be at most 200 characters" } } });
});
