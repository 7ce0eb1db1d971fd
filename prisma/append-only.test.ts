// The history tables refuse UPDATE and DELETE in the database itself, whatever the code does: on
// SQLite and on PostgreSQL, for exactly the tables prisma/history-tables.ts lists.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migratedDatabase } from "../test/database";
import { createPostgresDatabase } from "../test/postgres";
import { HISTORY_TABLES } from "./history-tables";

/** One row in every history table and its parents, in SQL both databases read. */
const SEED = `
  INSERT INTO "User" ("id", "name", "role", "passphraseHash") VALUES ('u1', 'Ada', 'learner', 'x');
  INSERT INTO "Learner" ("id", "name", "ownerId", "programSlug") VALUES ('l1', 'Ada', 'u1', 'p');
  INSERT INTO "Packet" ("id", "learnerId", "moduleNumber", "status", "updatedAt") VALUES ('p1', 'l1', 1, 'in_progress', '2026-01-01 00:00:00');
  INSERT INTO "Evidence" ("id", "packetId", "itemKey", "version", "kind", "title", "actorKind", "actorId", "actorLabel") VALUES ('e1', 'p1', 'k', 1, 'note', 'Note', 'learner', 'u1', 'Ada');
  INSERT INTO "CompletionProof" ("id", "packetId", "data", "actorKind", "actorId", "actorLabel") VALUES ('c1', 'p1', '{}', 'learner', 'u1', 'Ada');
  INSERT INTO "Review" ("id", "packetId", "reviewerId", "reviewerName", "verdict", "scores", "evidenceSeen") VALUES ('r1', 'p1', 'u2', 'Rev', 'reject', '{}', '[]');
  INSERT INTO "ReviewComment" ("id", "packetId", "evidenceItemKey", "body", "authorId", "authorName") VALUES ('rc1', 'p1', 'k', 'Fix', 'u2', 'Rev');
  INSERT INTO "CommentResolution" ("id", "commentId", "note") VALUES ('cr1', 'rc1', 'Done');
  INSERT INTO "PlanLogEntry" ("id", "learnerId", "moduleNumber", "status", "summary", "evidence", "risks", "next", "actorKind", "actorLabel") VALUES ('g1', 'l1', 1, 'in_progress', 's', 'e', 'r', 'n', 'learner', 'Ada');
  INSERT INTO "Pattern" ("id", "learnerId", "slug", "version", "title", "category", "problem", "whenToUse", "howToApply", "updatedAt") VALUES ('pt1', 'l1', 'p', 1, 'P', 'speed', 'p', 'w', 'h', '2026-01-01 00:00:00');
  INSERT INTO "PatternVersion" ("id", "patternId", "version", "data", "actorKind", "actorId", "actorLabel") VALUES ('pv1', 'pt1', 1, '{}', 'learner', 'u1', 'A');
  INSERT INTO "PlaybookEntry" ("id", "learnerId", "slug", "version", "kind", "title", "body", "updatedAt") VALUES ('pe1', 'l1', 'e', 1, 'scenario', 'E', 'b', '2026-01-01 00:00:00');
  INSERT INTO "PlaybookEntryVersion" ("id", "entryId", "version", "data", "actorKind", "actorId", "actorLabel") VALUES ('ev1', 'pe1', 1, '{}', 'learner', 'u1', 'A');
  INSERT INTO "ExecPlan" ("id", "learnerId", "terms", "updatedAt") VALUES ('x1', 'l1', '', '2026-01-01 00:00:00');
  INSERT INTO "ExecPlanRevision" ("id", "planId", "number", "body", "title", "status", "source", "errors", "warnings", "tasksDone", "tasksTotal", "actorKind", "actorId", "actorLabel") VALUES ('xr1', 'x1', 1, 'b', 'T', 'draft', 'edit', 0, 0, 0, 0, 'learner', 'u1', 'A');
  INSERT INTO "ExecPlanAttachment" ("id", "planId", "packetId", "revisionId", "action", "actorKind", "actorId", "actorLabel") VALUES ('xa1', 'x1', 'p1', 'xr1', 'attach', 'learner', 'u1', 'A');
  INSERT INTO "TimeEntry" ("id", "learnerId", "moduleNumber", "source", "startedAt", "seconds") VALUES ('t1', 'l1', 1, 'manual', '2026-01-01 00:00:00', 600);
  INSERT INTO "RedrillResult" ("id", "learnerId", "moduleNumber", "itemKind", "itemRef", "passed", "dueAt") VALUES ('rd1', 'l1', 1, 'drill', 'd', TRUE, '2026-01-01 00:00:00');
  INSERT INTO "IndicatorMark" ("id", "learnerId", "kind", "item", "checked", "note") VALUES ('im1', 'l1', 'qualitative', 'i', TRUE, 'n');
`;

/** The id of the seeded row of each history table, and a column to try to rewrite. */
const SEEDED: Record<string, [id: string, column: string]> = {
  Evidence: ["e1", "title"],
  CompletionProof: ["c1", "actorLabel"],
  Review: ["r1", "feedback"],
  ReviewComment: ["rc1", "body"],
  CommentResolution: ["cr1", "note"],
  PlanLogEntry: ["g1", "summary"],
  PatternVersion: ["pv1", "actorLabel"],
  PlaybookEntryVersion: ["ev1", "actorLabel"],
  ExecPlanRevision: ["xr1", "body"],
  ExecPlanAttachment: ["xa1", "actorLabel"],
  TimeEntry: ["t1", "note"],
  RedrillResult: ["rd1", "note"],
  IndicatorMark: ["im1", "note"],
};

/** The two operations every database under test offers. */
type Sql = { run(sql: string): Promise<void>; count(sql: string): Promise<number>; close(): Promise<void> };

function sqliteDatabase(): Sql {
  const scratch = mkdtempSync(path.join(tmpdir(), "append-only-"));
  const dbPath = path.join(scratch, "test.db");
  migratedDatabase(dbPath);
  const db = new Database(dbPath);
  return {
    run: async (sql) => void db.exec(sql),
    count: async (sql) => (db.prepare(sql).get() as { n: number }).n,
    close: async () => {
      db.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(adminUrl: string): Promise<Sql> {
  const client = new pg.Client({ connectionString: await createPostgresDatabase(adminUrl, "append_only") });
  await client.connect();
  return {
    run: async (sql) => void (await client.query(sql)),
    count: async (sql) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n),
    close: () => client.end(),
  };
}

const TRIGGERED_TABLES = {
  sqlite: `SELECT COUNT(DISTINCT "tbl_name") AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%append_only%'`,
  postgresql: `SELECT COUNT(DISTINCT event_object_table) AS n FROM information_schema.triggers WHERE trigger_name LIKE '%append_only%'`,
};

const databases = [
  { name: "sqlite" as const, open: async () => sqliteDatabase() },
  { name: "postgresql" as const, open: () => postgresDatabase(inject("postgresAdminUrl")), skip: !inject("postgresAdminUrl") },
];

describe.each(databases)("append-only tables on $name", ({ name, open, skip }) => {
  let db: Sql;
  beforeAll(async () => {
    if (skip) return;
    db = await open();
    await db.run(SEED);
  });
  afterAll(() => db?.close());

  it.skipIf(skip)("are exactly the tables the list names", async () => {
    expect(Object.keys(SEEDED).sort()).toEqual(HISTORY_TABLES.map((t) => t.table).sort());
    expect(await db.count(TRIGGERED_TABLES[name])).toBe(HISTORY_TABLES.length);
  });

  for (const { table } of HISTORY_TABLES) {
    it.skipIf(skip)(`${table} refuses a raw UPDATE and DELETE`, async () => {
      const [id, column] = SEEDED[table]!;
      await expect(db.run(`UPDATE "${table}" SET "${column}" = 'rewritten' WHERE "id" = '${id}'`)).rejects.toThrow(/append-only: /);
      await expect(db.run(`DELETE FROM "${table}" WHERE "id" = '${id}'`)).rejects.toThrow(/append-only: rows cannot be deleted/);
      if (name === "postgresql") await expect(db.run(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only/);
      expect(await db.count(`SELECT COUNT(*) AS n FROM "${table}" WHERE "id" = '${id}'`)).toBe(1);
    });
  }

  it.skipIf(skip)("still accepts new rows", async () => {
    await db.run(
      `INSERT INTO "Evidence" ("id", "packetId", "itemKey", "version", "kind", "title", "actorKind", "actorId", "actorLabel") VALUES ('e2', 'p1', 'k', 2, 'note', 'Note v2', 'learner', 'u1', 'Ada')`,
    );
    expect(await db.count(`SELECT COUNT(*) AS n FROM "Evidence"`)).toBe(2);
  });

  it.skipIf(skip)("lets packets change status", async () => {
    await db.run(`UPDATE "Packet" SET "status" = 'review_required' WHERE "id" = 'p1'`);
    expect(await db.count(`SELECT COUNT(*) AS n FROM "Packet" WHERE "status" = 'review_required'`)).toBe(1);
  });
});
