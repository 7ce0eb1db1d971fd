// The history tables refuse UPDATE and DELETE in the database itself, whatever the code does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "../test/database";

const scratch = mkdtempSync(path.join(tmpdir(), "append-only-"));
const dbPath = path.join(scratch, "test.db");
let db: Database.Database;

beforeAll(() => {
  migratedDatabase(dbPath);
  db = new Database(dbPath);
  db.exec(`
    INSERT INTO User (id, name, role, passphraseHash) VALUES ('u1', 'Ada', 'learner', 'x');
    INSERT INTO Learner (id, name, ownerId, programSlug) VALUES ('l1', 'Ada', 'u1', 'p');
    INSERT INTO Packet (id, learnerId, moduleNumber, status, updatedAt) VALUES ('p1', 'l1', 1, 'in_progress', 0);
    INSERT INTO Evidence (id, packetId, itemKey, version, kind, title, actorKind, actorId, actorLabel) VALUES ('e1', 'p1', 'k', 1, 'note', 'Note', 'learner', 'u1', 'Ada');
    INSERT INTO CompletionProof (id, packetId, data, actorKind, actorId, actorLabel) VALUES ('c1', 'p1', '{}', 'learner', 'u1', 'Ada');
    INSERT INTO Review (id, packetId, reviewerId, reviewerName, verdict, scores, evidenceSeen) VALUES ('r1', 'p1', 'u2', 'Rev', 'reject', '{}', '[]');
    INSERT INTO ReviewComment (id, packetId, evidenceItemKey, body, authorId, authorName) VALUES ('rc1', 'p1', 'k', 'Fix', 'u2', 'Rev');
    INSERT INTO CommentResolution (id, commentId, note) VALUES ('cr1', 'rc1', 'Done');
    INSERT INTO PlanLogEntry (id, learnerId, moduleNumber, status, summary, evidence, risks, next, actorKind, actorLabel) VALUES ('g1', 'l1', 1, 'in_progress', 's', 'e', 'r', 'n', 'learner', 'Ada');
    INSERT INTO Pattern (id, learnerId, slug, version, title, category, problem, whenToUse, howToApply, updatedAt) VALUES ('pt1', 'l1', 'p', 1, 'P', 'speed', 'p', 'w', 'h', 0);
    INSERT INTO PatternVersion (id, patternId, version, data, actorKind, actorId, actorLabel) VALUES ('pv1', 'pt1', 1, '{}', 'learner', 'u1', 'A');
    INSERT INTO PlaybookEntry (id, learnerId, slug, version, kind, title, body, updatedAt) VALUES ('pe1', 'l1', 'e', 1, 'scenario', 'E', 'b', 0);
    INSERT INTO PlaybookEntryVersion (id, entryId, version, data, actorKind, actorId, actorLabel) VALUES ('ev1', 'pe1', 1, '{}', 'learner', 'u1', 'A');
    INSERT INTO TimeEntry (id, learnerId, moduleNumber, source, startedAt, seconds) VALUES ('t1', 'l1', 1, 'manual', 0, 600);
    INSERT INTO RedrillResult (id, learnerId, moduleNumber, itemKind, itemRef, passed, dueAt) VALUES ('rd1', 'l1', 1, 'drill', 'd', 1, 0);
    INSERT INTO IndicatorMark (id, learnerId, kind, item, checked, note) VALUES ('im1', 'l1', 'qualitative', 'i', 1, 'n');
  `);
});
afterAll(() => {
  db.close();
  rmSync(scratch, { recursive: true, force: true });
});

const TABLES: [string, string, string][] = [
  ["Evidence", "title", "e1"],
  ["CompletionProof", "data", "c1"],
  ["Review", "feedback", "r1"],
  ["ReviewComment", "body", "rc1"],
  ["CommentResolution", "note", "cr1"],
  ["PlanLogEntry", "summary", "g1"],
  ["PatternVersion", "data", "pv1"],
  ["PlaybookEntryVersion", "data", "ev1"],
  ["TimeEntry", "seconds", "t1"],
  ["RedrillResult", "note", "rd1"],
  ["IndicatorMark", "note", "im1"],
];

describe("append-only tables", () => {
  for (const [table, column, id] of TABLES) {
    it(`${table} refuses a raw UPDATE and DELETE`, () => {
      expect(() => db.prepare(`UPDATE "${table}" SET "${column}" = 'rewritten' WHERE id = ?`).run(id)).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(id)).toThrow(/append-only/);
      expect(db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE id = ?`).get(id)).toEqual({ n: 1 });
    });
  }

  it("still accepts new rows", () => {
    db.prepare(
      "INSERT INTO Evidence (id, packetId, itemKey, version, kind, title, actorKind, actorId, actorLabel) VALUES ('e2', 'p1', 'k', 2, 'note', 'Note v2', 'learner', 'u1', 'Ada')",
    ).run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM Evidence").get()).toEqual({ n: 2 });
  });

  it("lets packets change status", () => {
    db.prepare("UPDATE Packet SET status = 'review_required' WHERE id = 'p1'").run();
    expect(db.prepare("SELECT status FROM Packet").get()).toEqual({ status: "review_required" });
  });
});
