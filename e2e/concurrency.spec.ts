// Two browser tabs and the mastery command writing to one packet at the same moment: every
// write lands, versions of one item are never lost or duplicated, and nobody sees an error. In
// the team run (playwright.team.config.ts) tab B and half the CLI calls go to the second app
// instance, so the writes meet only in the shared PostgreSQL database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createToken, mastery } from "./agent-server";
import { expect, test } from "./fixtures";
import { evidenceForm } from "./packet-steps";
import { addLearner, REVIEWER, signIn } from "./people";

const CORA = { name: "Cora Concurrent", passphrase: "cora-passphrase-1" };
const PACKET = "/programs/codex-mastery/modules/internals/packet";

/** The second app instance of a team run; the one test server otherwise. */
function secondInstance(baseURL: string): string {
  const port = process.env.E2E_SECOND_PORT;
  return port ? `http://127.0.0.1:${port}` : baseURL;
}

async function addNotes(page: Page, label: string, count: number) {
  const form = await evidenceForm(page, "Note");
  for (let i = 1; i <= count; i++) {
    await form.getByLabel("Title").fill(`${label} ${i}`);
    await form.getByLabel("Note (Markdown)").fill(`Written from ${label}, note ${i}.`);
    await form.getByRole("button", { name: "Save evidence" }).click();
    await expect(form.getByRole("status")).toContainText(`Saved "${label} ${i}" as version 1`);
    await expect(form.getByRole("alert")).toHaveCount(0);
  }
}

test("two tabs and the CLI write at once: nothing lost, nothing locked", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const reviewer = await signIn(browser, REVIEWER);
  await addLearner(reviewer, CORA);
  const tabA = await signIn(browser, CORA);
  const tabB = await tabA.context().newPage();
  const token = await createToken(tabA, "concurrency");
  const instances = [baseURL!, secondInstance(baseURL!)];
  const cli = { url: baseURL!, dbPath: "", scratch: mkdtempSync(path.join(process.env.E2E_SCRATCH ?? tmpdir(), "cli-")) };
  const started = await mastery(cli, token, ["start", "1"]);
  expect(started.code, started.stderr).toBe(0);
  await tabA.goto(instances[0] + PACKET);
  await tabB.goto(instances[1] + PACKET);

  const cliNotes = Array.from({ length: 4 }, async (_, chain) => {
    for (let i = 1; i <= 2; i++) {
      const result = await mastery(
        { ...cli, url: instances[chain % 2]! },
        token,
        ["evidence", "add", "1", "--note", "-", "--title", `CLI ${chain}-${i}`],
        `From the CLI, chain ${chain}, note ${i}.`,
      );
      expect(result.code, result.stderr).toBe(0);
    }
  });
  const first = await tabA.request.post(`${instances[0]}/api/v1/modules/1/evidence`, {
    data: { kind: "note", title: "Shared notes", body: "first version" },
  });
  const { itemKey } = ((await first.json()) as { evidence: { itemKey: string } }).evidence;
  const sharedVersions = [tabA, tabB].flatMap((tab, t) =>
    Array.from({ length: t === 0 ? 10 : 9 }, async (_, i) => {
      const response = await tab.request.post(`${instances[t]}/api/v1/modules/1/evidence`, {
        data: { kind: "note", itemKey, title: "Shared notes", body: `tab ${t}, write ${i}` },
      });
      expect(response.status(), await response.text()).toBe(201);
    }),
  );
  await Promise.all([addNotes(tabA, "Tab A", 4), addNotes(tabB, "Tab B", 4), ...cliNotes, ...sharedVersions]);

  // Both instances read the same packet back.
  const [packet, fromSecond] = (await Promise.all(instances.map(async (url) => (await tabA.request.get(`${url}/api/v1/modules/1/packet`)).json()))) as {
    evidence: { itemKey: string; versions: number; latest: { title: string; version: number } }[];
  }[];
  expect(fromSecond).toEqual(packet);
  const titles = packet!.evidence.map((item) => item.latest.title).sort();
  expect(titles).toEqual(
    [
      ...["Tab A", "Tab B"].flatMap((l) => [1, 2, 3, 4].map((i) => `${l} ${i}`)),
      ...[0, 1, 2, 3].flatMap((c) => [`CLI ${c}-1`, `CLI ${c}-2`]),
      "Shared notes",
    ].sort(),
  );
  const shared = packet!.evidence.find((item) => item.itemKey === itemKey)!;
  expect(shared.versions).toBe(20);
  expect(shared.latest.version).toBe(20);

  await tabA.reload();
  await tabB.reload();
  for (const tab of [tabA, tabB]) await expect(tab.getByText(/database is locked|SQLITE_BUSY|deadlock|could not serialize/i)).toHaveCount(0);
});
