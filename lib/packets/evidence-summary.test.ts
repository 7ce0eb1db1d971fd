// The evidence summary against a real SQLite database: latest versions with their counts in the
// order items were first added, every exercise and drill row, and the two latest versions of an
// item with every column.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("evidence-summary-test-");
const { db } = await import("../db");
const { evidenceSummary, itemRef, latestTwoVersions } = await import("./evidence-summary");

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute));
let learnerId: string;
let first: string;
let second: string;

beforeAll(async () => {
  const client = await db();
  const user = await client.user.create({ data: { name: "Eve", role: "learner", passphraseHash: "x" } });
  learnerId = (await client.learner.create({ data: { name: "Eve", ownerId: user.id, programSlug: "codex-mastery" } })).id;
  first = (await client.packet.create({ data: { learnerId, moduleNumber: 1, status: "completed" } })).id;
  second = (await client.packet.create({ data: { learnerId, moduleNumber: 2, status: "in_progress" } })).id;
  const other = await client.learner.create({ data: { name: "Other", ownerId: user.id, programSlug: "other" } });
  const stranger = (await client.packet.create({ data: { learnerId: other.id, moduleNumber: 1, status: "in_progress" } })).id;
  const row = (packetId: string, itemKey: string, version: number, kind: string, minute: number, extra: object = {}) => ({
    packetId,
    itemKey,
    version,
    kind,
    title: `${itemKey} v${version}`,
    body: `body of ${itemKey} v${version}`,
    actorKind: "learner" as const,
    actorId: user.id,
    actorLabel: "Eve",
    createdAt: at(minute),
    ...extra,
  });
  const file = { fileName: "a.log", fileSize: 3, sha256: "ab".repeat(32), filePath: "ab/ab" };
  // Written in this order; "notes" and "trace" start in the same minute.
  await client.evidence.createMany({
    data: [
      row(first, "notes", 1, "note", 1),
      row(first, "trace", 1, "file", 1, file),
      row(first, "exercise-a", 1, "exercise", 2, { data: { exercise: "a" } }),
      row(first, "drill-x", 1, "drill", 3, { data: { drillId: "x", reps: 1, seconds: 60, passed: false, withinTimebox: null } }),
      row(first, "notes", 2, "note", 4),
      row(first, "trace", 2, "file", 5, { ...file, sha256: "cd".repeat(32) }),
      row(first, "drill-x", 2, "drill", 6, { data: { drillId: "x", reps: 1, seconds: 60, passed: true, withinTimebox: null } }),
      row(first, "notes", 3, "note", 7),
      row(second, "notes", 1, "note", 8),
      row(stranger, "notes", 1, "note", 9),
    ],
  });
});

describe("evidenceSummary", () => {
  it("gives each item at its latest version with its version and file counts, in the order first added", async () => {
    const summary = await evidenceSummary(learnerId);
    expect([...summary.keys()].sort()).toEqual([first, second].sort());
    const items = summary.get(first)!.items;
    expect(items.map((i) => [i.itemKey, i.version, i.versions, i.files, i.title])).toEqual([
      ["notes", 3, 3, 0, "notes v3"],
      ["trace", 2, 2, 2, "trace v2"],
      ["exercise-a", 1, 1, 0, "exercise-a v1"],
      ["drill-x", 2, 2, 0, "drill-x v2"],
    ]);
    expect(items[0]).toMatchObject({ firstAt: at(1), createdAt: at(7) });
    expect(summary.get(second)!.items.map((i) => i.itemKey)).toEqual(["notes"]);
  });

  it("gives every version of the exercise results and drill attempts, oldest first", async () => {
    const { work } = (await evidenceSummary(learnerId)).get(first)!;
    expect(work.map((w) => [w.itemKey, w.version, w.data])).toEqual([
      ["exercise-a", 1, { exercise: "a" }],
      ["drill-x", 1, { drillId: "x", reps: 1, seconds: 60, passed: false, withinTimebox: null }],
      ["drill-x", 2, { drillId: "x", reps: 1, seconds: 60, passed: true, withinTimebox: null }],
    ]);
    expect((await evidenceSummary(learnerId)).get(second)!.work).toEqual([]);
  });

  it("is kept while the learner's evidence is unchanged, and read again after a new version, even one written in the same millisecond", async () => {
    const client = await db();
    const before = await evidenceSummary(learnerId);
    expect(await evidenceSummary(learnerId)).toBe(before);
    const latest = await client.evidence.findFirstOrThrow({ where: { packetId: second, itemKey: "notes" } });
    const { packetId, itemKey, kind, body, actorKind, actorId, actorLabel, createdAt } = latest;
    const copy = { packetId, itemKey, kind, body, actorKind, actorId, actorLabel, createdAt };
    await client.evidence.create({ data: { ...copy, version: 2, title: "notes v2" } });
    const after = await evidenceSummary(learnerId);
    expect(after).not.toBe(before);
    expect(after.get(second)!.items.map((i) => [i.itemKey, i.version, i.versions])).toEqual([["notes", 2, 2]]);
    expect(await evidenceSummary(learnerId)).toBe(after);
  });

  it("is empty for a learner without evidence", async () => {
    expect((await evidenceSummary("nobody")).size).toBe(0);
  });
});

describe("latestTwoVersions", () => {
  it("reads every column of the two latest versions of the items asked for", async () => {
    const pairs = await latestTwoVersions([
      { packetId: first, itemKey: "notes", version: 3 },
      { packetId: first, itemKey: "trace", version: 2 },
      { packetId: second, itemKey: "notes", version: 1 },
    ]);
    expect(pairs.get(itemRef(first, "notes"))).toMatchObject({
      previous: { version: 2, body: "body of notes v2" },
      latest: { version: 3, body: "body of notes v3" },
    });
    expect(pairs.get(itemRef(first, "trace"))).toMatchObject({
      previous: { sha256: "ab".repeat(32) },
      latest: { sha256: "cd".repeat(32), fileName: "a.log" },
    });
    expect(pairs.has(itemRef(second, "notes"))).toBe(false);
    expect((await latestTwoVersions([])).size).toBe(0);
  });
});
