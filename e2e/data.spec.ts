// Settings → Your data: a backup taken while the app runs, the full JSON export, the Markdown
// learning record, and imports refused with the reason and nothing written. In the team run
// (PostgreSQL) the app makes no backups of its own, and the page says whose backups count.
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";
import { LEARNER, signIn } from "./people";

test("a learner backs up, exports their data and their learning record, and a refused import writes nothing", async ({
  browser,
  expectAccessible,
}) => {
  const page = await signIn(browser, LEARNER);
  await page.goto("/settings");
  await expectAccessible(page);
  const data = page.getByRole("region", { name: "Your data" });

  const backup = data.getByRole("form", { name: "Back up now" });
  if (process.env.E2E_TEAM) {
    await expect(data.getByText(/its backups are the database's own \(pg_dump or the managed service's snapshots\)/)).toBeVisible();
    await expect(backup).toHaveCount(0);
  } else {
    await backup.getByRole("button", { name: "Back up now" }).click();
    await expect(backup.getByRole("status")).toContainText(/Backed up the database and (1 file|\d+ files) to backup-.*-manual\.zip/);
    await expect(backup.getByText(/^backup-.*-manual\.zip$/).first()).toBeVisible();
  }

  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), data.getByRole("link", { name: "Full export (JSON)" }).click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^mastery-Ada_Learner-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await jsonDownload.path())!, "utf8")) as {
    format: string;
    version: number;
    columns: Record<string, Record<string, string>>;
    tables: Record<string, unknown[]>;
  };
  expect(exported).toMatchObject({ format: "mastery-learner-export", version: 2, columns: { Learner: { soloMode: "boolean" } } });
  expect(exported.tables.Learner).toHaveLength(1);

  const [zipDownload] = await Promise.all([
    page.waitForEvent("download"),
    data.getByRole("link", { name: "Learning record (Markdown, zip)" }).click(),
  ]);
  const files = unzipSync(readFileSync((await zipDownload.path())!));
  expect(strFromU8(files["learning-record/README.md"]!)).toContain("# Learning record: Ada Learner");
  expect(Object.keys(files)).toContain("learning-record/log.md");

  const importForm = data.getByRole("form", { name: "Import a learner export" });
  await importForm
    .getByLabel("Export file (.json)")
    .setInputFiles({ name: "again.json", mimeType: "application/json", buffer: readFileSync((await jsonDownload.path())!) });
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("alert")).toContainText("You already have a learner profile for codex-mastery; nothing was imported");

  await importForm.getByLabel("Export file (.json)").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format": "mastery-learner-export", "version": 7'),
  });
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("alert")).toContainText("The file is not valid JSON.");

  const future = { ...exported, version: 3 };
  await importForm
    .getByLabel("Export file (.json)")
    .setInputFiles({ name: "future.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(future)) });
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("alert")).toContainText("The export has version 3");

  const unsigned = await (await browser.newContext()).request.get("/settings/export/learner");
  expect(unsigned.status()).toBe(401);
});
