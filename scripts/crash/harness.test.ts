import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkAfterKill, runCrashHarness } from "./harness";

const scratch = mkdtempSync(path.join(tmpdir(), "crash-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the crash harness", () => {
  it("survives SIGKILLs at random moments with every acknowledged write present", async () => {
    const dbFile = path.join(scratch, "crash.db");
    const report = await runCrashHarness({ dbFile, kills: 4, maxDelayMs: 400 });
    expect(report.kills).toBe(4);
    expect(report.writes).toBeGreaterThan(4);
    expect(Object.keys(report.byKind)).toEqual(expect.arrayContaining(["packet", "evidence", "pattern"]));
  }, 120_000);

  it("notices a missing acknowledged write and a half-done operation", () => {
    const dbFile = path.join(scratch, "crash.db");
    const database = new Database(dbFile);
    const { learnerId } = database.prepare("SELECT learnerId FROM Packet LIMIT 1").get() as { learnerId: string };
    const packet = { id: "completed-without-review" };
    database
      .prepare("INSERT INTO Packet (id, learnerId, moduleNumber, attempt, status, createdAt, updatedAt) VALUES (?, ?, 1, 99, 'completed', 0, 0)")
      .run(packet.id, learnerId);
    database.close();
    const problems = checkAfterKill(dbFile, [{ kind: "evidence", id: "never-written" }], new Map());
    expect(problems).toContain("acknowledged evidence never-written is missing");
    expect(problems.some((p) => p.startsWith(`half-done operation visible on ${packet.id}`))).toBe(true);
  });
});
