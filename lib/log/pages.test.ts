// Keyset pages of the plan log against a real SQLite database: pages tile the log in order with
// every filter, cursors survive appends, ties on the timestamp are broken by id, and bad cursors
// are reported.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("log-pages-test-");
const { db } = await import("../db");
const { countLogEntries, logCursor, logPage, parseLogCursor, windowFromQuery } = await import("./pages");
const { listLogEntries } = await import("./service");

let learnerId: string;
const START = Date.UTC(2026, 2, 1, 9);

beforeAll(async () => {
  const client = await db();
  const user = await client.user.create({ data: { name: "Page Learner", role: "learner", passphraseHash: "x" } });
  learnerId = (await client.learner.create({ data: { name: "Page Learner", ownerId: user.id, programSlug: "codex-mastery" } })).id;
  const other = await client.learner.create({ data: { name: "Other", ownerId: user.id, programSlug: "other" } });
  // 25 entries over modules 1–3, every third one completed; entries 10–14 share one timestamp.
  await client.planLogEntry.createMany({
    data: Array.from({ length: 25 }, (_, i) => ({
      learnerId,
      moduleNumber: (i % 3) + 1,
      status: i % 3 === 2 ? "completed" : "in_progress",
      summary: `entry ${i}`,
      evidence: "",
      risks: "",
      next: "",
      actorKind: "learner",
      actorLabel: "learner:Page Learner",
      createdAt: new Date(START + (i >= 10 && i < 15 ? 10 : i) * 60_000),
    })),
  });
  await client.planLogEntry.create({
    data: {
      learnerId: other.id,
      moduleNumber: 1,
      status: "in_progress",
      summary: "not this learner",
      evidence: "",
      risks: "",
      next: "",
      actorKind: "learner",
      actorLabel: "x",
    },
  });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("logPage", () => {
  it("tiles the whole log from the oldest end by following after, with the filters of every combination", async () => {
    for (const filter of [
      {},
      { moduleNumber: 2 },
      { status: "completed" },
      { moduleNumber: 3, status: "completed" },
      { moduleNumber: 1, status: "completed" },
    ] as const) {
      const all = await listLogEntries({ learnerId, ...filter });
      const seen: string[] = [];
      let page = await logPage({ learnerId, ...filter }, { limit: 4, from: "oldest" });
      expect(page.earlier).toBe(false);
      seen.push(...ids(page.entries));
      while (page.later) {
        page = await logPage({ learnerId, ...filter }, { limit: 4, after: parseLogCursor(logCursor(page.entries.at(-1)!))! });
        expect(page.earlier).toBe(true);
        seen.push(...ids(page.entries));
      }
      expect(seen).toEqual(ids(all));
      expect(await countLogEntries({ learnerId, ...filter })).toBe(all.length);
    }
  });

  it("tiles it from the newest end by following before, each page oldest first", async () => {
    const all = await listLogEntries({ learnerId });
    const pages: string[][] = [];
    let page = await logPage({ learnerId }, { limit: 6, from: "newest" });
    expect(page.later).toBe(false);
    pages.push(ids(page.entries));
    while (page.earlier) {
      page = await logPage({ learnerId }, { limit: 6, before: parseLogCursor(logCursor(page.entries[0]!))! });
      expect(page.later).toBe(true);
      pages.push(ids(page.entries));
    }
    expect(pages.map((p) => p.length)).toEqual([6, 6, 6, 6, 1]);
    expect(pages.toReversed().flat()).toEqual(ids(all));
  });

  it("breaks ties on the timestamp by id, so entries written in the same millisecond are neither skipped nor repeated", async () => {
    const all = await listLogEntries({ learnerId });
    const tied = all.filter((e) => e.createdAt.getTime() === START + 10 * 60_000);
    expect(tied).toHaveLength(5);
    const page = await logPage({ learnerId }, { limit: 2, after: { at: tied[1]!.createdAt, id: tied[1]!.id } });
    expect(ids(page.entries)).toEqual(ids(tied.slice(2, 4)));
    const back = await logPage({ learnerId }, { limit: 2, before: { at: tied[4]!.createdAt, id: tied[4]!.id } });
    expect(ids(back.entries)).toEqual(ids(tied.slice(2, 4)));
    expect(await countLogEntries({ learnerId }, { at: tied[1]!.createdAt, id: tied[1]!.id })).toBe(all.length - all.indexOf(tied[1]!) - 1);
  });

  it("keeps a page where it was when entries are appended, and reports the newer ones", async () => {
    const first = await logPage({ learnerId }, { limit: 5, from: "oldest" });
    const cursor = { at: first.entries.at(-1)!.createdAt, id: first.entries.at(-1)!.id };
    const before = await logPage({ learnerId }, { limit: 5, after: cursor });
    await (
      await db()
    ).planLogEntry.create({
      data: {
        learnerId,
        moduleNumber: 1,
        status: "in_progress",
        summary: "appended",
        evidence: "",
        risks: "",
        next: "",
        actorKind: "learner",
        actorLabel: "x",
        createdAt: new Date(START + 99 * 60_000),
      },
    });
    const after = await logPage({ learnerId }, { limit: 5, after: cursor });
    expect(ids(after.entries)).toEqual(ids(before.entries));
    const newest = await logPage({ learnerId }, { limit: 1, from: "newest" });
    expect(newest.entries[0]!.summary).toBe("appended");
  });

  it("answers an empty page, with the side that has entries, for a cursor past either end", async () => {
    expect(await logPage({ learnerId }, { limit: 5, after: { at: new Date(START + 10_000 * 60_000), id: "z" } })).toEqual({
      entries: [],
      earlier: true,
      later: false,
    });
    expect(await logPage({ learnerId }, { limit: 5, before: { at: new Date(0), id: "a" } })).toEqual({
      entries: [],
      earlier: false,
      later: true,
    });
    expect(await logPage({ learnerId: "nobody" }, { limit: 5, from: "newest" })).toEqual({ entries: [], earlier: false, later: false });
  });
});

describe("cursors", () => {
  it("round-trip an entry's position and refuse anything else", () => {
    const at = new Date("2026-03-01T09:10:00.123Z");
    expect(parseLogCursor(logCursor({ createdAt: at, id: "cm0abc123" }))).toEqual({ at, id: "cm0abc123" });
    for (const bad of [
      "",
      "garbage",
      "123",
      "-abc",
      "12-",
      "1.5-abc",
      "12-a b",
      "12-abc\u0000",
      `1-${"a".repeat(101)}`,
      "9999999999999999-abc",
    ]) {
      expect(parseLogCursor(bad)).toBeNull();
    }
  });

  it("name the page's window, and a bad or doubled one is a message with the default end instead", () => {
    const at = new Date(START);
    const cursor = logCursor({ createdAt: at, id: "abc" });
    expect(windowFromQuery({}, 100, "newest")).toEqual({ window: { limit: 100, from: "newest" }, problem: null });
    expect(windowFromQuery({ after: cursor }, 100, "newest")).toEqual({ window: { limit: 100, after: { at, id: "abc" } }, problem: null });
    expect(windowFromQuery({ before: cursor }, 50, "oldest")).toEqual({ window: { limit: 50, before: { at, id: "abc" } }, problem: null });
    const bad = windowFromQuery({ before: "nonsense" }, 100, "newest");
    expect(bad.window).toEqual({ limit: 100, from: "newest" });
    expect(bad.problem).toMatch(/“before” in the address is not one this log wrote/);
    expect(windowFromQuery({ after: cursor, before: cursor }, 100, "newest").problem).toMatch(/both/);
  });
});
