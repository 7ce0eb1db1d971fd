// Settings → Import as an attacker would use it: files crafted to write into another learner's
// profile or to read files outside the files folder are refused and write nothing; what an
// import may do is add one new profile of the signed-in person, its verdicts shown as imported,
// not reviewed here.
import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openArea } from "./packet-steps";
import { addPerson, REVIEWER, signIn, type Person } from "./people";

const IVY: Person = { name: "Ivy Importer", passphrase: "ivy-passphrase-1" };
// The learner whose profile the crafted files aim at: a person of this spec's own, so that no other
// spec running at the same time changes the export compared before and after.
const VERA: Person = { name: "Vera Victim", passphrase: "vera-passphrase-1" };
const AT = "2026-11-20T10:00:00.000+00:00";
const SCORES = JSON.stringify({ correctness: 5, speed: 5, resilience: 5, judgment: 5, maintainability: 5, collaboration: 5 });
const FILE_BYTES = Buffer.from("the learner's own screenshot");
const FILE_SHA = createHash("sha256").update(FILE_BYTES).digest("hex");

test.describe.configure({ mode: "serial", timeout: 120_000 });

/**
 * An export of a profile with module 1 completed and accepted, and one file, written in version 1
 * of the format (values as SQLite stores them: times with an offset, flags as 0/1, JSON as text),
 * which imports still read; the unit tests craft version 2 files.
 */
function crafted(learnerId = "learner-1") {
  return {
    format: "mastery-learner-export",
    version: 1,
    exportedAt: "2026-11-21T12:00:00.000Z",
    owner: { name: "Somebody" },
    tables: {
      Learner: [
        {
          id: "learner-1",
          name: "Ivy Importer",
          ownerId: "someone-else",
          programSlug: "codex-mastery",
          soloMode: 1,
          coolingOffHours: 0,
          createdAt: AT,
        },
      ],
      Packet: [
        {
          id: "packet-1",
          learnerId,
          moduleNumber: 1,
          attempt: 1,
          status: "completed",
          blockedReason: null,
          startedAt: AT,
          submittedAt: AT,
          completedAt: AT,
          createdAt: AT,
          updatedAt: AT,
        },
      ],
      Evidence: [
        {
          id: "evidence-1",
          packetId: "packet-1",
          itemKey: "file-1",
          version: 1,
          kind: "file",
          title: "Screenshot",
          body: "",
          url: null,
          fileName: "shot.png",
          filePath: "../secrets/session.key",
          fileType: "image/png",
          fileSize: FILE_BYTES.length,
          sha256: FILE_SHA,
          data: null,
          actorKind: "learner",
          actorId: "someone-else",
          actorLabel: "Ivy Importer",
          createdAt: AT,
        },
      ],
      Review: [
        {
          id: "review-1",
          packetId: "packet-1",
          reviewerId: "a-real-reviewer-id",
          reviewerName: "Rex Reviewer",
          verdict: "accept",
          scores: SCORES,
          remarks: "{}",
          feedback: "Well done.",
          remediation: null,
          evidenceSeen: JSON.stringify(["evidence-1"]),
          createdAt: AT,
        },
      ],
    } as Record<string, Record<string, unknown>[]>,
    files: { [`${FILE_SHA.slice(0, 2)}/${FILE_SHA}`]: FILE_BYTES.toString("base64") },
  };
}

async function exportOf(page: Page): Promise<{ tables: Record<string, { id: string }[]> }> {
  const answer = await page.request.get("/settings/export/learner");
  expect(answer.status()).toBe(200);
  return (await answer.json()) as { tables: Record<string, { id: string }[]> };
}

async function importFile(page: Page, data: unknown) {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Import a learner export" });
  await form
    .getByLabel("Export file (.json)")
    .setInputFiles({ name: "crafted.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(data)) });
  await form.getByRole("button", { name: "Import" }).click();
  return form;
}

test("a crafted import cannot write into another profile nor name a path, and an honest one is marked imported", async ({
  browser,
  expectAccessible,
}) => {
  const reviewer = await signIn(browser, REVIEWER);
  await addPerson(reviewer, IVY, "reviewer");
  await addPerson(reviewer, VERA, "learner");

  const vera = await signIn(browser, VERA);
  const before = await exportOf(vera);
  const veraProfile = before.tables.Learner![0]!.id;

  const ivy = await signIn(browser, IVY);
  // Rows for another learner's profile.
  const intoVera = await importFile(ivy, crafted(veraProfile));
  await expect(intoVera.getByRole("alert")).toContainText(
    `Packet row 1 points at a Learner row that is not part of this import ("learnerId"); nothing was imported.`,
  );
  // File evidence naming a path instead of carrying its file.
  const traversal = crafted();
  traversal.tables.Evidence![0]!.sha256 = null;
  const refused = await importFile(ivy, traversal);
  await expect(refused.getByRole("alert")).toContainText("Evidence row 1 is a file without its checksum; nothing was imported.");
  await expectAccessible(ivy);
  expect(JSON.stringify((await exportOf(vera)).tables)).toBe(JSON.stringify(before.tables));

  // The honest part: a new profile of Ivy's own, its verdict history marked as imported.
  const imported = await importFile(ivy, crafted());
  await expect(imported.getByRole("status")).toContainText(/Imported the learner profile with \d+ rows and 1 file\./);
  const again = await signIn(browser, IVY);
  await again.goto("/programs/codex-mastery/modules/internals/packet");
  await expect(again.getByText("Completed", { exact: true })).toBeVisible();
  await expect(again.getByText("imported, not reviewed here", { exact: true })).toBeVisible();
  await expect(again.getByText(/Given in another install and imported with the profile/)).toBeVisible();
  await expect(again.getByText("solo mode")).toHaveCount(0);
  await expectAccessible(again);
  await openArea(again, "Evidence");
  const download = await again.request.get(
    await again
      .getByRole("link", { name: "Download" })
      .first()
      .getAttribute("href")
      .then((href) => href!),
  );
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(FILE_BYTES)).toBe(true);

  await again.goto("/programs/codex-mastery");
  await expect(again.getByRole("list", { name: "Learning path" }).getByText("imported, not reviewed here")).toBeVisible();
});
