import { expect, expectNoErrorBoundary, test } from "./fixtures";

test("the dashboard shows the bundled program and its learning path", async ({ page, expectAccessible }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Codex Code Mastery Program" })).toBeVisible();
  const path = page.getByRole("list", { name: "Learning path" });
  await expect(path.getByRole("listitem").filter({ hasText: "1. Codex Code Internals" }).last()).toContainText("Available");
  await expect(path.getByRole("listitem").filter({ hasText: "5. Planning & Execution" }).last()).toContainText("Locked");
  await expectAccessible();
});

test("the navigation reaches every section of the app", async ({ page, expectAccessible }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [label, heading] of [
    ["Modules", "Codex Code Mastery Program"],
    // Signed out, the review queue answers 403 with a sign-in link (reviewers only).
    ["Review", "Not allowed"],
    ["Patterns", "Pattern library"],
    ["Playbook", "Playbook"],
    ["Log", "Plan log"],
    ["Time", "Time"],
    ["Dashboard", "Dashboard"],
  ] as const) {
    await nav.getByRole("link", { name: label }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
    await expectNoErrorBoundary(page);
    await expectAccessible();
  }
});

test("a link opens its page with one request and loads nothing ahead", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const asked: { path: string; document: boolean }[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith("/_next/")) asked.push({ path, document: request.resourceType() === "document" });
  });
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patterns" });
  await link.hover();
  await link.focus();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Pattern library" })).toBeVisible();
  expect(asked).toEqual([{ path: "/patterns", document: false }]);
});

test("an unknown address shows the not-found page with a 404", async ({ page, expectAccessible }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const missingModule = await page.goto("/programs/codex-mastery/modules/no-such-module");
  expect(missingModule?.status()).toBe(404);
  await expectAccessible();
});

test("the theme switches between light and dark and is remembered", async ({ page, expectAccessible }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: /Auto theme/ }).click();
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: /Light theme/ }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expectAccessible();
});

test("the programs page lists the programs and switches the current one", async ({ page }) => {
  await page.goto("/programs");
  await expect(page.getByRole("heading", { level: 2, name: "Async Plan Template" })).toBeVisible();
  const template = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Async Plan Template" }) });
  await template.getByRole("button", { name: "Work in this program" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Async Plan Template" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Modules" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Async Plan Template" })).toBeVisible();
  await page.context().clearCookies();
});

test("the layout works at phone width @phone", async ({ page, expectAccessible }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/programs/codex-mastery/modules/internals");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The navigation is behind the Menu button on a phone.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Patterns" })).toBeHidden();
  await nav.locator("summary", { hasText: "Menu" }).click();
  await nav.getByRole("link", { name: "Patterns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pattern library" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Patterns" })).toBeHidden();
  await expectAccessible();
});
