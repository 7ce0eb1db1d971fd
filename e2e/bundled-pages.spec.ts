// Every module and exercise page of the bundled program renders (8 + 36 pages), read as the
// server's HTML: one heading of the page's kind and no error boundary. The two page templates
// are opened in a browser, with an accessibility check, by content.spec.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const root = path.join("content", "codex-mastery");
const strip = (name: string) => name.replace(/^\d{2}-/, "").replace(/\.md$/, "");
const modules = readdirSync(path.join(root, "modules"))
  .filter((f) => f.endsWith(".md"))
  .sort();
const pages = modules.flatMap((file) => {
  const slug = strip(file);
  const exercises = readdirSync(path.join(root, "exercises", file.replace(/\.md$/, "")))
    .filter((f) => f.endsWith(".md"))
    .sort();
  return [
    `/programs/codex-mastery/modules/${slug}`,
    ...exercises.map((e) => `/programs/codex-mastery/modules/${slug}/exercises/${strip(e)}`),
  ];
});

test("the bundled program has 44 module and exercise pages", () => {
  expect(pages).toHaveLength(44);
});

/** The text of every <h1> of a page's HTML, tags dropped and white space collapsed. */
function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((match) =>
    match[1]!
      .replace(/<[^>]*>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

for (const url of pages) {
  test(`renders ${url}`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const headings = headingsOf(html);
    expect(headings).toHaveLength(1);
    expect(headings[0]).toMatch(/^(Module \d|Exercise \d\.\d): \S/);
    expect(html).not.toContain('data-testid="error-boundary"');
  });
}
