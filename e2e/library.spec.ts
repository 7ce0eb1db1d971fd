// The pattern library and the playbook in a browser: extract a pattern from a module, edit it
// and read its history, link it from a checklist and a decision tree, export both ways, import
// into a fresh profile, and the refusals (duplicate slug, unknown category, a bad import file).
import type { Page } from "@playwright/test";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { expect, expectNoErrorBoundary, test } from "./fixtures";
import { addLearner, type Person, REVIEWER, signIn } from "./people";

const LIN: Person = { name: "Lin Library", passphrase: "lin-passphrase-1" };
const IVO: Person = { name: "Ivo Import", passphrase: "ivo-passphrase-1" };
const SLUG = "batch-independent-reads";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let lin: Page;

test.beforeAll(async ({ browser }) => {
  const reviewer = await signIn(browser, REVIEWER);
  await addLearner(reviewer, LIN);
  await addLearner(reviewer, IVO);
  await reviewer.context().close();
  lin = await signIn(browser, LIN);
});

async function download(page: Page, url: string): Promise<Buffer> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  return response.body();
}

test("a pattern is extracted from a module page, edited, and its history shows both versions", async ({ expectAccessible }) => {
  await lin.goto("/programs/codex-mastery/modules/speed");
  await lin.getByRole("link", { name: "Extract pattern", exact: true }).click();
  await expect(lin.getByRole("heading", { level: 1, name: "New pattern" })).toBeVisible();
  const prompts = lin.getByRole("complementary");
  await expect(prompts).toContainText("Prompts from Module 3");
  await prompts.getByRole("link").nth(1).click();
  await expect(lin).toHaveURL(/suggestion=0/);

  const form = lin.getByRole("form", { name: "New pattern" });
  await expect(form.getByLabel("Title")).not.toHaveValue("");
  await expect(form.getByLabel("Where it came from")).toHaveValue("3");
  await expect(form.getByLabel("Problem and context")).not.toHaveValue("");
  await form.getByLabel("Title").fill("Batch independent reads");
  await form.getByLabel("Tags").fill("context, reads");
  await form
    .getByLabel("When to use")
    .fill("Several files are needed and **none decides** another.\n\n| reads | turns |\n|---|---|\n| 5 | 1 |");
  await form.getByLabel("How to apply").fill("Name every read in one request.\n\n<script>alert('not run')</script>");
  const preview = lin.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("none decides")).toBeVisible();
  await expect(preview.getByRole("table")).toBeVisible();
  await expect(preview).toContainText("<script>alert('not run')</script>");
  await expectAccessible(lin);
  await form.getByRole("button", { name: "Save pattern" }).click();

  await expect(lin.getByRole("heading", { level: 1, name: "Batch independent reads" })).toBeVisible();
  await expect(lin.getByRole("status")).toContainText("Saved as version 1");
  await expect(lin.getByRole("link", { name: "Module 3: Speed & Efficiency Patterns" })).toBeVisible();
  await expect(lin.getByText("<script>alert('not run')</script>")).toBeVisible();
  await expectAccessible(lin);

  await lin.getByRole("link", { name: "Edit" }).click();
  const edit = lin.getByRole("form", { name: "Edit pattern" });
  await expect(edit.getByLabel("Tags")).toHaveValue("context, reads");
  await edit.getByLabel("When to use").fill("Three or more files are needed and none decides another.");
  await edit.getByRole("button", { name: "Save a new version" }).click();
  await expect(lin.getByRole("status")).toContainText("Saved as version 2");

  await lin.getByRole("link", { name: "History (2 versions)" }).click();
  const versions = lin.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("heading", { name: /Version 2/ })).toContainText("(current)");
  await expect(versions.getByRole("heading", { name: /Version 1/ })).toBeVisible();
  const diff = versions.getByLabel("Changes in When to use, version 2");
  await expect(diff).toContainText("- Several files are needed and **none decides** another.");
  await expect(diff).toContainText("+ Three or more files are needed and none decides another.");
  await expectAccessible(lin);
});

test("a duplicate slug and an unknown category are refused with their reasons, and nothing is saved", async ({ expectAccessible }) => {
  await lin.goto("/patterns/new");
  const form = lin.getByRole("form", { name: "New pattern" });
  await form.getByLabel("Title").fill("Batch independent reads");
  await form.getByLabel("Problem and context").fill("p");
  await form.getByLabel("When to use").fill("w");
  await form.getByLabel("How to apply").fill("h");
  await form.getByRole("button", { name: "Save pattern" }).click();
  await expect(form.getByRole("alert")).toContainText("Some fields need attention");
  await expect(form.getByText("the slug “batch-independent-reads” is already used by “Batch independent reads”")).toBeVisible();
  await expect(form.getByLabel("When to use")).toHaveValue("w");

  // A forged category (the select only offers known ones) is refused by the server with the list.
  await form.getByLabel("Slug").fill("threat-model-first");
  await form.getByLabel("Category").evaluate((select: HTMLSelectElement) => select.add(new Option("Secrity", "secrity", true, true)));
  await form.getByRole("button", { name: "Save pattern" }).click();
  await expect(form.getByText('unknown category "secrity": choose one of speed, quality, debugging, planning, architecture')).toBeVisible();
  await expectAccessible(lin);

  await lin.goto("/patterns");
  await expect(lin.getByRole("list", { name: "Patterns", exact: true }).getByRole("listitem")).toHaveCount(1);
  await expectAccessible(lin);
  const add = lin.getByRole("form", { name: "Add a category" });
  await add.getByLabel("New category").fill("security");
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(add.getByRole("status")).toContainText("Added the category “security”");
  await expect(lin.getByRole("list", { name: "Patterns per category" })).toContainText("Security");
});

test("a checklist and a decision tree link to the pattern, which shows them as backlinks", async ({ expectAccessible }) => {
  await lin.goto("/playbook");
  await lin.getByRole("link", { name: "New checklist" }).click();
  const checklist = lin.getByRole("form", { name: "New playbook entry" });
  await expect(checklist.getByLabel("Kind")).toHaveValue("checklist");
  await checklist.getByLabel("Title").fill("Before a parallel bundle");
  await checklist
    .getByLabel("Text (Markdown)")
    .fill(
      `Tick as you go.\n\n- [ ] Reads are batched: [[${SLUG}]]\n- [ ] Write scopes are disjoint\n- [ ] Someone checked [[no-such-pattern]]`,
    );
  await expect(lin.getByRole("region", { name: "Preview" }).getByRole("link", { name: "Batch independent reads" })).toBeVisible();
  await checklist.getByRole("button", { name: "Save entry" }).click();
  await expect(lin.getByRole("heading", { level: 1, name: "Before a parallel bundle" })).toBeVisible();
  await expect(lin.getByText("Broken links: [[no-such-pattern]] names no pattern.")).toBeVisible();
  await lin.getByRole("checkbox", { name: "Write scopes are disjoint" }).check();
  await expect(lin.getByText("1 of 3 ticked")).toBeVisible();
  await lin.reload();
  await expect(lin.getByRole("checkbox", { name: "Write scopes are disjoint" })).toBeChecked();
  await expect(lin.getByRole("checkbox", { name: /Reads are batched/ })).not.toBeChecked();
  await expectAccessible(lin);

  await lin.goto("/playbook/new?kind=decision-tree");
  const tree = lin.getByRole("form", { name: "New playbook entry" });
  await tree.getByLabel("Title").fill("Parallel or sequential?");
  await tree
    .getByLabel("Text (Markdown)")
    .fill(
      `- Do the units write disjoint files?\n  - yes: Are the reads independent?\n    - yes: fan out, see [[${SLUG}]]\n    - no: batch the reads first\n  - no: run them one after another`,
    );
  await tree.getByRole("button", { name: "Save entry" }).click();
  await expect(lin.getByRole("status")).toContainText("Saved as version 1");
  const drawn = lin.getByRole("list", { name: "Decision tree" });
  await expect(drawn.getByText("Do the units write disjoint files?")).toBeVisible();
  await expect(drawn.getByRole("link", { name: "Batch independent reads" })).toBeVisible();
  await drawn.getByText("Do the units write disjoint files?").click();
  await expect(drawn.getByText("run them one after another")).toBeHidden();

  await lin.goto(`/patterns/${SLUG}`);
  const backlinks = lin.getByRole("region", { name: "Linked from" });
  await expect(backlinks.getByRole("link", { name: "Before a parallel bundle" })).toBeVisible();
  await expect(backlinks.getByRole("link", { name: "Parallel or sequential?" })).toBeVisible();

  await lin.goto("/playbook");
  await expect(lin.getByRole("region", { name: "Index" })).toContainText("Parallel or sequential?");
  await expect(lin.getByRole("region", { name: "Checklists" })).toContainText("Before a parallel bundle");
  await expect(lin.getByRole("region", { name: "Broken links" })).toContainText("[[no-such-pattern]]");
  await expectNoErrorBoundary(lin);
  await expectAccessible(lin);

  await lin.goto("/search?q=disjoint");
  await expect(lin.getByRole("link", { name: "Parallel or sequential?" })).toBeVisible();
  await expect(lin.getByText("playbook · Your playbook · Decision tree").first()).toBeVisible();
});

test("the library exports as a zip and as one file, and imports into a fresh profile as the same library", async ({
  browser,
  expectAccessible,
}) => {
  const zip = await download(lin, "/patterns/export");
  const files = unzipSync(new Uint8Array(zip));
  const pattern = strFromU8(files[`docs/patterns/speed/${SLUG}.md`]!);
  expect(pattern).toMatch(
    /^---\ntitle: Batch independent reads\nslug: batch-independent-reads\ncategory: speed\ntags:\n {2}- context\n {2}- reads\nsource:\n {2}module: 3\n---\n/,
  );
  expect(pattern).toContain("## When to use\n\nThree or more files are needed and none decides another.\n");
  expect(strFromU8(files["docs/playbook/checklists.md"]!)).toContain(
    `- [ ] Reads are batched: [Batch independent reads](../patterns/speed/${SLUG}.md)`,
  );
  expect(strFromU8(files["docs/playbook/index.md"]!)).toContain("## Parallel or sequential?");
  expect(strFromU8(files["docs/patterns/README.md"]!)).toContain("categories:\n  - security");
  const single = (await download(lin, "/playbook/export")).toString("utf8");
  expect(single).toContain("## Checklists");
  expect(single).toContain(`[Batch independent reads](#pattern-${SLUG})`);
  expect(single).toContain("### Batch independent reads");

  const ivo = await signIn(browser, IVO);
  await ivo.goto("/patterns/import");
  await expectAccessible(ivo);
  await ivo
    .getByLabel("A zip of the library or an exported playbook file")
    .setInputFiles({ name: "lin-library.zip", mimeType: "application/zip", buffer: zip });
  await ivo.getByRole("button", { name: "Check the upload" }).click();
  await expect(ivo.getByRole("list", { name: "New", exact: true })).toContainText(`Pattern “Batch independent reads” (${SLUG})`);
  await expect(ivo.getByText("New categories: security.")).toBeVisible();
  await expect(ivo.getByText("No conflicts.")).toBeVisible();
  await expectAccessible(ivo);
  await ivo.getByRole("button", { name: "Import", exact: true }).click();
  await expect(ivo.getByRole("status")).toContainText("Imported: 3 created");

  await ivo.goto("/patterns");
  await expect(ivo.getByRole("list", { name: "Patterns", exact: true })).toContainText("Batch independent reads");
  await ivo.goto("/playbook");
  await expect(ivo.getByRole("region", { name: "Checklists" })).toContainText("Before a parallel bundle");
  expect(await download(ivo, "/patterns/export")).toEqual(zip);
  expect((await download(ivo, "/playbook/export")).toString("utf8")).toBe(single);

  await ivo.goto("/patterns/import");
  await ivo
    .getByLabel("A zip of the library or an exported playbook file")
    .setInputFiles({ name: "playbook.md", mimeType: "text/markdown", buffer: Buffer.from(single) });
  await ivo.getByRole("button", { name: "Check the upload" }).click();
  await expect(ivo.getByText("3 already the same.")).toBeVisible();
  await expect(ivo.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await ivo.context().close();
});

test("the export form downloads the library with Obsidian links and my ticks", async ({ expectAccessible }) => {
  await lin.goto("/playbook");
  const form = lin.getByRole("form", { name: "Export" });
  await form.getByRole("radio", { name: /Obsidian/ }).check();
  await form.getByRole("checkbox", { name: /With my ticks/ }).check();
  await expectAccessible(lin);
  const [download] = await Promise.all([
    lin.waitForEvent("download"),
    form.getByRole("button", { name: "Download the library (zip)" }).click(),
  ]);
  expect(download.url()).toContain("/patterns/export?links=obsidian&ticks=1");
  const files = unzipSync(
    new Uint8Array(
      await download
        .createReadStream()
        .then((stream) => stream.toArray())
        .then((chunks) => Buffer.concat(chunks)),
    ),
  );
  const checklists = strFromU8(files["docs/playbook/checklists.md"]!);
  expect(checklists).toContain(`- [ ] Reads are batched: [[${SLUG}]]\n- [x] Write scopes are disjoint\n`);
  expect(checklists).toMatch(/<!-- mastery:entry slug="[^"]+" kind="checklist" ticked="[^"]+" -->/);
  expect(strFromU8(files["docs/patterns/README.md"]!)).toMatch(/^---\nlinks: obsidian\n/);
});

test("an import lists conflicts before writing, and a bad file is named with nothing imported", async ({ expectAccessible }) => {
  const files = unzipSync(new Uint8Array(await download(lin, "/patterns/export")));
  const path = `docs/patterns/speed/${SLUG}.md`;
  files[path] = strToU8(strFromU8(files[path]!).replace("Three or more files", "Two or more files"));
  files["docs/patterns/quality/half-written.md"] = strToU8(
    "---\ntitle: Half written\nslug: half-written\ncategory: quality\n---\n\n# Half written\n\n## When to use\n\nsoon\n",
  );

  await lin.goto("/patterns/import");
  const picker = lin.getByLabel("A zip of the library or an exported playbook file");
  await picker.setInputFiles({ name: "edited.zip", mimeType: "application/zip", buffer: Buffer.from(zipSync(files)) });
  await lin.getByRole("button", { name: "Check the upload" }).click();
  const problems = lin.getByRole("list", { name: "Problems" });
  await expect(problems).toContainText(
    "docs/patterns/quality/half-written.md: pattern half-written: problem: describe the problem and its context",
  );
  await expect(lin.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await expectAccessible(lin);
  const rejected = await lin.request.post("/patterns/import/upload", {
    multipart: {
      step: "apply",
      fingerprint: "x",
      files: { name: "edited.zip", mimeType: "application/zip", buffer: Buffer.from(zipSync(files)) },
    },
  });
  expect(rejected.status()).toBe(400);
  expect((await rejected.json()).error.message).toContain("Nothing was imported");

  delete files["docs/patterns/quality/half-written.md"];
  await picker.setInputFiles({ name: "edited.zip", mimeType: "application/zip", buffer: Buffer.from(zipSync(files)) });
  await lin.getByRole("button", { name: "Check the upload" }).click();
  const conflicts = lin.getByRole("list", { name: "Conflicts" });
  await expect(conflicts).toContainText(
    `Replace Pattern “Batch independent reads” (${SLUG}) with the imported text (differs in: when to use); version 2 stays in its history.`,
  );
  await lin.getByRole("button", { name: "Import", exact: true }).click();
  await expect(lin.getByRole("status")).toContainText("0 created, 1 updated as a new version");
  await lin.goto(`/patterns/${SLUG}`);
  await expect(lin.getByText("Two or more files are needed")).toBeVisible();
  await expect(lin.getByRole("link", { name: "History (3 versions)" })).toBeVisible();
});

test("a learner starts a pattern from the program's suggestions, reached from the library", async ({ expectAccessible }) => {
  await lin.goto("/patterns");
  await lin
    .getByRole("region", { name: "Suggested by the modules" })
    .getByRole("link", { name: /patterns from Codex Code Mastery Program/ })
    .click();
  await expect(lin.getByRole("heading", { level: 1, name: "Patterns from the program" })).toBeVisible();
  const module3 = lin.getByRole("region", { name: /^Module 3:/ });
  await expect(module3.getByRole("link", { name: "The module's Pattern phase" }).first()).toHaveAttribute("href", /#pattern-phase$/);
  await expectAccessible(lin);
  await module3
    .getByRole("link", { name: /^Extract / })
    .first()
    .click();
  await expect(lin.getByRole("heading", { level: 1, name: "New pattern" })).toBeVisible();
  await expect(lin).toHaveURL(/module=3&suggestion=0/);
  await expect(lin.getByRole("complementary")).toContainText("Prompts from Module 3");
});

test("a reviewer reads a learner's library without changing it", async ({ browser, expectAccessible }) => {
  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto("/patterns");
  await reviewer.getByRole("form", { name: "Choose a learner" }).getByLabel("Library of").selectOption({ label: LIN.name });
  await expect(reviewer).toHaveURL(/\/patterns\?learner=/);
  await expect(reviewer.getByRole("heading", { level: 1, name: "Pattern library" })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: "Extract Batch independent reads" })).toHaveCount(0);
  await reviewer.getByRole("link", { name: "Batch independent reads", exact: true }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Batch independent reads" })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expectAccessible(reviewer);
  await reviewer.context().close();
});
