// Every module and exercise page of the bundled program renders (8 + 36 pages).
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, expectNoErrorBoundary, test } from "./fixtures";

const root = path.join("content", "codex-mastery");
const strip = (name: string) => name.replace(/^\d{2}-/, "").replace(/\.md$/, "");
const modules = readdirSync(path.join(root, "modules")).filter((f) => f.endsWith(".md")).sort();
const pages = modules.flatMap((file) => {
  const slug = strip(file);
  const exercises = readdirSync(path.join(root, "exercises", file.replace(/\.md$/, ""))).filter((f) => f.endsWith(".md")).sort();
  return [`/programs/codex-mastery/modules/${slug}`, ...exercises.map((e) => `/programs/codex-mastery/modules/${slug}/exercises/${strip(e)}`)];
});

test("the bundled program has 44 module and exercise pages", () => {
  expect(pages).toHaveLength(44);
});

for (const url of pages) {
  test(`renders ${url}`, async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(Module \d|Exercise \d\.\d): \S/);
    await expectNoErrorBoundary(page);
  });
}
