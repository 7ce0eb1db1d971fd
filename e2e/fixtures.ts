// Shared Playwright fixtures: an accessibility check with axe that fails on serious or
// critical violations, and an assertion that no error boundary is showing.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

type Fixtures = {
  expectAccessible: (page?: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  expectAccessible: async ({ page }, provide) => {
    await provide(async (target = page) => {
      // Next streams the <title> in after an action's re-render; check the settled page.
      await expect(target).toHaveTitle(/\S/);
      const results = await new AxeBuilder({ page: target }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(serious, `axe violations on ${target.url()}`).toEqual([]);
    });
  },
});

export { expect };

export async function expectNoErrorBoundary(page: Page) {
  await expect(page.getByTestId("error-boundary")).toHaveCount(0);
}
