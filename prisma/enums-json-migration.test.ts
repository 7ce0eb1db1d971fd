// The migration to enums, Json columns and PatternTag keeps an existing database's rows in their stored form, fills
// PatternTag from the patterns' tags and keeps every history table append-only.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPendingMigrations, MIGRATIONS_DIR } from "./migrator";

const MIGRATION = "20261203164143_enums_json_pattern_tags";
const scratch = mkdtempSync(path.join(tmpdir(), "enums-json-migration-"));
const dbPath = path.join(scratch, "test.db");
process.env.DATABASE_URL = `file:${dbPath}`;
const { connection, db } = await import("../lib/db");

const SCORES = '{"correctness":4,"speed":4,"resilience":4,"judgment":4,"maintainability":4,"collaboration":4}';

beforeAll(async () => {
  const before = path.join(scratch, "before");
  cpSync(MIGRATIONS_DIR, before, { recursive: true });
  rmSync(path.join(before, MIGRATION), { recursive: true });
  await applyPendingMigrations({ dbPath, migrationsDir: before });
  const sqlite = new Database(dbPath);
  sqlite.exec(`
    INSERT INTO User (id, name, role, passphraseHash) VALUES ('u1', 'Ada', 'learner', 'x');
    INSERT INTO Learner (id, name, ownerId, programSlug) VALUES ('l1', 'Ada', 'u1', 'codex-mastery');
    INSERT INTO Packet (id, learnerId, moduleNumber, status, updatedAt) VALUES ('p1', 'l1', 1, 'completed', 0);
    INSERT INTO Review (id, packetId, reviewerId, reviewerName, verdict, scores, evidenceSeen) VALUES ('r1', 'p1', 'u2', 'Rex', 'self-review', '${SCORES}', '["e1"]');
    INSERT INTO Pattern (id, learnerId, slug, version, title, category, tags, problem, whenToUse, howToApply, updatedAt)
      VALUES ('pt1', 'l1', 'p', 1, 'P', 'speed', '["context","reads"]', 'p', 'w', 'h', 0),
             ('pt2', 'l1', 'q', 1, 'Q', 'speed', '[]', 'p', 'w', 'h', 0);
  `);
  sqlite.close();
  await applyPendingMigrations({ dbPath });
});
afterAll(async () => {
  await (await connection()).$disconnect();
  rmSync(scratch, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("keeps the stored text of JSON columns and enum values, and the client reads them as values", async () => {
    const sqlite = new Database(dbPath, { readonly: true });
    expect(sqlite.prepare(`SELECT verdict, scores, remarks, evidenceSeen FROM "Review"`).get()).toEqual({
      verdict: "self-review",
      scores: SCORES,
      remarks: "{}",
      evidenceSeen: '["e1"]',
    });
    sqlite.close();
    const review = await (await db()).review.findUniqueOrThrow({ where: { id: "r1" } });
    expect(review).toMatchObject({ scores: JSON.parse(SCORES), remarks: {}, evidenceSeen: ["e1"], remediation: null });
    expect((await (await db()).packet.findUniqueOrThrow({ where: { id: "p1" } })).status).toBe("completed");
  });

  it("fills PatternTag with one row per tag of every pattern", async () => {
    const rows = await (await db()).patternTag.findMany({ orderBy: { tag: "asc" }, select: { patternId: true, tag: true } });
    expect(rows).toEqual([
      { patternId: "pt1", tag: "context" },
      { patternId: "pt1", tag: "reads" },
    ]);
  });

  it("re-creates the append-only triggers of the tables it redefines", () => {
    const sqlite = new Database(dbPath, { readonly: true });
    const tables = (sqlite.prepare("SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%append_only%'").all() as { name: string }[]).map(
      (row) => row.name,
    );
    sqlite.close();
    expect(tables).toEqual(expect.arrayContaining(["Evidence", "CompletionProof", "Review", "PatternVersion", "PlaybookEntryVersion"]));
    expect(tables).toHaveLength(13);
  });
});
