// Shared Playwright fixtures: an accessibility check with axe that fails on serious or
// critical violations, a page that fails its test when React reports a hydration mismatch, and
// an assertion that no error boundary is showing.
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

type Fixtures = {
  expectAccessible: (page?: Page) => Promise<void>;
  closeOpenedContexts: void;
};

/** The app's page routes, most specific first, as patterns over a pathname ("/patterns/[slug]"). */
const ROUTES = (function routesOf(dir: string): string[] {
  const here = existsSync(path.join(dir, "page.tsx"))
    ? [`/${path.relative("app", dir).split(path.sep).join("/")}`.replace(/\/$/, "") || "/"]
    : [];
  const below = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => routesOf(path.join(dir, e.name)));
  return [...here, ...below];
})("app").sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0));

/** The page route a pathname is served by. */
function routeOf(pathname: string): string {
  const matches = (route: string) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}/?$`).test(pathname);
  return ROUTES.find(matches) ?? pathname;
}

/**
 * What decides whether a page needs its own axe scan: its page route, the viewport width, and
 * every kind of element it shows — tag, role, type and ARIA state (aria-invalid, aria-expanded,
 * an open dialog or disclosure…). A page that shows a kind of element (or a state) its route has
 * not shown before in this run is scanned again; the same page with other data is not.
 */
async function pageShape(page: Page): Promise<string> {
  const kinds = await page.evaluate(() => {
    const STATES = [
      "aria-invalid",
      "aria-expanded",
      "aria-selected",
      "aria-checked",
      "aria-current",
      "aria-disabled",
      "aria-pressed",
      "aria-modal",
      "open",
    ];
    const seen = new Set<string>();
    for (const el of document.querySelectorAll("*")) {
      const states = STATES.filter((a) => el.hasAttribute(a)).map((a) => `${a}=${el.getAttribute(a)}`);
      seen.add([el.tagName.toLowerCase(), el.getAttribute("role") ?? "", el.getAttribute("type") ?? "", ...states].join(" "));
    }
    return [...seen].sort().join("\n");
  });
  return `${routeOf(new URL(page.url()).pathname)}\n${page.viewportSize()?.width ?? 0}\n${kinds}`;
}

/** True the first time a shape is seen in this run, by any worker (a marker file per shape). */
function firstScanOf(shape: string): boolean {
  const dir = path.join(process.env.E2E_SCRATCH!, "axe-shapes");
  mkdirSync(dir, { recursive: true });
  try {
    closeSync(openSync(path.join(dir, createHash("sha256").update(shape).digest("hex")), "wx"));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** React's production codes for a server render the browser could not hydrate (418, 423, 425). */
const HYDRATION_ERROR = /Minified React error #(418|423|425)\b|Hydration failed/;

export const test = base.extend<Fixtures>({
  // The browser contexts a test opens (each person it signs in) close when it ends, so a worker's
  // browser does not pile up open pages test after test. A page several tests share is opened in
  // beforeAll, before this fixture looks.
  closeOpenedContexts: [
    async ({ browser }, provide) => {
      const before = new Set(browser.contexts());
      await provide();
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close()),
      );
    },
    { auto: true },
  ],
  page: async ({ page }, provide) => {
    const mismatches: string[] = [];
    page.on("pageerror", (error) => {
      if (HYDRATION_ERROR.test(error.message)) mismatches.push(`${page.url()}: ${error.message.slice(0, 200)}`);
    });
    await provide(page);
    expect(mismatches, "pages whose server render did not hydrate").toEqual([]);
  },
  expectAccessible: async ({ page }, provide) => {
    await provide(async (target = page) => {
      // Next streams the <title> in after an action's re-render; check the settled page.
      await expect(target).toHaveTitle(/\S/);
      // One scan per page shape (see pageShape): a shape already scanned in this run is not scanned again.
      if (!firstScanOf(await pageShape(target))) return;
      // Only violations are read: axe then keeps no node details of what passed (on a long page,
      // thousands of text nodes), which is most of a scan's time.
      // Legacy mode runs axe in the page itself rather than gathering each frame's results in a
      // second, blank page (for cross-origin frames, which the app has none of): the same results
      // in a third of the time.
      const results = await new AxeBuilder({ page: target })
        .setLegacyMode(true)
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .options({ resultTypes: ["violations"] })
        .analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
        );
      expect(serious, `axe violations on ${target.url()}`).toEqual([]);
    });
  },
});

export { expect };

export async function expectNoErrorBoundary(page: Page) {
  await expect(page.getByTestId("error-boundary")).toHaveCount(0);
}
