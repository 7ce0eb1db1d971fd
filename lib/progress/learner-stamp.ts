// A stamp of everything a learner's progress is worked out from, read in one query: every write
// the snapshot would see changes it. History rows are only ever added (the database refuses to
// change or delete them), so their count changes with every write; packets move by status, which
// sets their updatedAt; the running timer is a row made and removed, named by its id; a waiver
// is added; the library counts are the snapshot's own figures.
import { db } from "../db";
import { dialect } from "../env";

// Read in one round trip; `:learner` stands for the learner's id.
const STAMP_SQL = `SELECT
  (SELECT count(*) FROM "Packet" WHERE "learnerId" = :learner) AS packets,
  (SELECT max("updatedAt") FROM "Packet" WHERE "learnerId" = :learner) AS "packetsMoved",
  (SELECT count(*) FROM "Evidence" e JOIN "Packet" p ON p."id" = e."packetId" WHERE p."learnerId" = :learner) AS evidence,
  (SELECT count(*) FROM "CompletionProof" x JOIN "Packet" p ON p."id" = x."packetId" WHERE p."learnerId" = :learner) AS proofs,
  (SELECT count(*) FROM "Review" x JOIN "Packet" p ON p."id" = x."packetId" WHERE p."learnerId" = :learner) AS reviews,
  (SELECT count(*) FROM "ReviewComment" x JOIN "Packet" p ON p."id" = x."packetId" WHERE p."learnerId" = :learner) AS comments,
  (SELECT count(*) FROM "CommentResolution" r JOIN "ReviewComment" c ON c."id" = r."commentId" JOIN "Packet" p ON p."id" = c."packetId"
    WHERE p."learnerId" = :learner) AS resolutions,
  (SELECT count(*) FROM "TimeEntry" WHERE "learnerId" = :learner) AS "timeEntries",
  (SELECT "id" FROM "RunningTimer" WHERE "learnerId" = :learner) AS "runningTimer",
  (SELECT count(*) FROM "RedrillResult" WHERE "learnerId" = :learner) AS "redrillResults",
  (SELECT count(*) FROM "IndicatorMark" WHERE "learnerId" = :learner) AS "indicatorMarks",
  (SELECT count(*) FROM "PlanLogEntry" WHERE "learnerId" = :learner) AS "logEntries",
  (SELECT count(*) FROM "PrerequisiteWaiver" WHERE "learnerId" = :learner) AS waivers,
  (SELECT count(*) FROM "Pattern" WHERE "learnerId" = :learner AND "archived" = false) AS patterns,
  (SELECT count(*) FROM "PlaybookEntry" WHERE "learnerId" = :learner AND "archived" = false) AS "playbookEntries"`;

// SQLite binds `?` once per use (better-sqlite3 takes no numbered parameters); PostgreSQL binds $1 once.
const SQLITE_STAMP_SQL = STAMP_SQL.replaceAll(":learner", "?");
const SQLITE_PARAMETERS = STAMP_SQL.split(":learner").length - 1;
const POSTGRES_STAMP_SQL = STAMP_SQL.replaceAll(":learner", "$1");

/** The columns of the stamp, in the order it lists them. */
const STAMP_PARTS = [
  "packets",
  "packetsMoved",
  "evidence",
  "proofs",
  "reviews",
  "comments",
  "resolutions",
  "timeEntries",
  "runningTimer",
  "redrillResults",
  "indicatorMarks",
  "logEntries",
  "waivers",
  "patterns",
  "playbookEntries",
] as const;

const part = (value: unknown) =>
  value instanceof Date ? String(value.getTime()) : value === null || value === undefined ? "-" : String(value);
const SEPARATOR = "|";
/** The parts that count rows a snapshot holds one by one. */
const HELD_ROWS = ["evidence", "proofs", "reviews", "comments", "timeEntries", "redrillResults", "indicatorMarks"].map((name) =>
  STAMP_PARTS.indexOf(name as (typeof STAMP_PARTS)[number]),
);

/** How many rows a snapshot of the stamp's learner holds one by one (evidence, reviews, time entries…), and one for the rest. */
export function rowsHeld(stamp: string): number {
  const parts = stamp.split(SEPARATOR);
  return 1 + HELD_ROWS.reduce((sum, index) => sum + (Number(parts[index]) || 0), 0);
}

/** How many plan-log entries the stamp's learner has. */
export function logEntriesIn(stamp: string): number {
  return Number(stamp.split(SEPARATOR)[STAMP_PARTS.indexOf("logEntries")]);
}

/** A stamp every write to what `learnerSnapshot` reads of this learner changes: its parts joined with "|". */
export async function learnerStamp(learnerId: string): Promise<string> {
  const client = await db();
  const [row] =
    dialect() === "sqlite"
      ? await client.$queryRawUnsafe<Record<string, unknown>[]>(SQLITE_STAMP_SQL, ...Array<string>(SQLITE_PARAMETERS).fill(learnerId))
      : await client.$queryRawUnsafe<Record<string, unknown>[]>(POSTGRES_STAMP_SQL, learnerId);
  return STAMP_PARTS.map((name) => part(row?.[name])).join(SEPARATOR);
}
