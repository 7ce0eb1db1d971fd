// Full export of one learner profile as JSON, and its import into another install. The file
// carries the profile's rows table by table, read through Prisma, each value in the database-
// independent form of its column's type, plus its uploaded files, under a format name and version
// (export-format.ts, documented in docs/learner-export.md). An import is checked completely and
// written in one transaction: an unknown version, a broken file or a clash with data already here
// writes nothing.
import { createHash } from "node:crypto";
import { getProgram } from "../content";
import { BULK_WRITE_TIMEOUT_MS, db, insertRows, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { readStoredFile, storedPath, storeFile } from "../files";
import { indexPatternTags } from "../library/patterns";
import { appendLogEntry } from "../log/service";
import { exportedValue } from "./column-types";
import { EXPORT_FORMAT, EXPORT_VERSION, type LearnerExport } from "./export-format";
import { COLUMNS, confineRows, type Row } from "./import-rows";
import { count } from "../ui/plural";

// Rows in an order that needs no rowid and is the same on every database: by creation time, and
// by id among rows of the same time; by id where a table has no creation time.
const BY_CREATION: [{ createdAt: "asc" }, { id: "asc" }] = [{ createdAt: "asc" }, { id: "asc" }];
const BY_ID = { id: "asc" } as const;

/**
 * Every table that holds a learner's data, parents before children, with the query for the rows
 * that belong to the learner, in the order an export lists them. Tables left out on purpose are
 * listed in NOT_EXPORTED.
 */
export const EXPORTED_TABLES: ReadonlyArray<{ table: string; rows: (tx: Tx, learnerId: string) => Promise<object[]> }> = [
  { table: "Learner", rows: (tx, id) => tx.learner.findMany({ where: { id }, orderBy: BY_CREATION }) },
  { table: "Packet", rows: (tx, learnerId) => tx.packet.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  { table: "Evidence", rows: (tx, learnerId) => tx.evidence.findMany({ where: { packet: { learnerId } }, orderBy: BY_CREATION }) },
  {
    table: "CompletionProof",
    rows: (tx, learnerId) => tx.completionProof.findMany({ where: { packet: { learnerId } }, orderBy: BY_CREATION }),
  },
  { table: "Review", rows: (tx, learnerId) => tx.review.findMany({ where: { packet: { learnerId } }, orderBy: BY_CREATION }) },
  {
    table: "FeedbackTick",
    rows: (tx, learnerId) => tx.feedbackTick.findMany({ where: { review: { packet: { learnerId } } }, orderBy: BY_CREATION }),
  },
  {
    table: "ReviewComment",
    rows: (tx, learnerId) => tx.reviewComment.findMany({ where: { packet: { learnerId } }, orderBy: BY_CREATION }),
  },
  {
    table: "CommentResolution",
    rows: (tx, learnerId) => tx.commentResolution.findMany({ where: { comment: { packet: { learnerId } } }, orderBy: BY_CREATION }),
  },
  { table: "PlanLogEntry", rows: (tx, learnerId) => tx.planLogEntry.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  {
    table: "PrerequisiteWaiver",
    rows: (tx, learnerId) => tx.prerequisiteWaiver.findMany({ where: { learnerId }, orderBy: BY_CREATION }),
  },
  { table: "PatternCategory", rows: (tx, learnerId) => tx.patternCategory.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  { table: "Pattern", rows: (tx, learnerId) => tx.pattern.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  {
    table: "PatternVersion",
    rows: (tx, learnerId) => tx.patternVersion.findMany({ where: { pattern: { learnerId } }, orderBy: BY_CREATION }),
  },
  { table: "PlaybookEntry", rows: (tx, learnerId) => tx.playbookEntry.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  {
    table: "PlaybookEntryVersion",
    rows: (tx, learnerId) => tx.playbookEntryVersion.findMany({ where: { entry: { learnerId } }, orderBy: BY_CREATION }),
  },
  {
    table: "ChecklistTick",
    rows: (tx, learnerId) => tx.checklistTick.findMany({ where: { entry: { learnerId } }, orderBy: BY_CREATION }),
  },
  { table: "ExecPlan", rows: (tx, learnerId) => tx.execPlan.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  {
    table: "ExecPlanRevision",
    rows: (tx, learnerId) => tx.execPlanRevision.findMany({ where: { plan: { learnerId } }, orderBy: BY_CREATION }),
  },
  {
    table: "ExecPlanAttachment",
    rows: (tx, learnerId) => tx.execPlanAttachment.findMany({ where: { plan: { learnerId } }, orderBy: BY_CREATION }),
  },
  { table: "RunningTimer", rows: (tx, learnerId) => tx.runningTimer.findMany({ where: { learnerId }, orderBy: BY_ID }) },
  { table: "DrillRun", rows: (tx, learnerId) => tx.drillRun.findMany({ where: { packet: { learnerId } }, orderBy: BY_ID }) },
  { table: "TimeEntry", rows: (tx, learnerId) => tx.timeEntry.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  { table: "RedrillResult", rows: (tx, learnerId) => tx.redrillResult.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
  { table: "IndicatorMark", rows: (tx, learnerId) => tx.indicatorMark.findMany({ where: { learnerId }, orderBy: BY_CREATION }) },
];

/**
 * People and sign-in attempts belong to the install; API tokens are secrets of this install
 * (create new ones after a move) and stored idempotent and form answers only matter for retries.
 * PatternTag is derived from Pattern.tags: the import rebuilds it. Uploaded files travel in the
 * export's `files`, whichever table or folder holds them.
 */
export const NOT_EXPORTED = [
  "User",
  "Session",
  "SignInAttempt",
  "ApiToken",
  "IdempotentRequest",
  "FormSubmission",
  "PatternTag",
  "StoredFile",
];

/** A row as Prisma read it, as the export writes it: the table's columns in order, each value typed. */
function exportedRow(table: string, record: object): Row {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(Object.entries(COLUMNS[table]!).map(([column, type]) => [column, exportedValue(type, values[column])]));
}

/** One learner profile's data, ready for JSON.stringify. */
export async function exportLearner(learnerId: string, now = new Date()): Promise<LearnerExport> {
  // One transaction, so that the tables agree with each other (no child without its parent).
  const { owner, tables } = await transaction(
    async (tx) => {
      const learner = await tx.learner.findUnique({ where: { id: learnerId }, include: { owner: true } });
      if (!learner) throw new AppError("not-found", "No such learner profile.", { learnerId: "unknown learner profile" });
      const tables: Record<string, Row[]> = {};
      for (const { table, rows } of EXPORTED_TABLES)
        tables[table] = (await rows(tx, learnerId)).map((record) => exportedRow(table, record));
      return { owner: learner.owner.name, tables };
    },
    { timeoutMs: BULK_WRITE_TIMEOUT_MS, snapshot: true },
  );
  const files: Record<string, string> = {};
  for (const { sha256 } of tables.Evidence ?? []) {
    if (typeof sha256 === "string" && !(storedPath(sha256) in files))
      files[storedPath(sha256)] = (await readStoredFile(sha256)).toString("base64");
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    owner: { name: owner },
    columns: Object.fromEntries(EXPORTED_TABLES.map(({ table }) => [table, COLUMNS[table]!])),
    tables,
    files,
  };
}

export type ImportOptions = {
  /** The user of this install who gets the profile: the signed-in person, never anyone else. */
  ownerId: string;
  /** Solo mode is a reviewer's or the operator's decision: an import turns it on only when asked. */
  soloMode?: boolean;
  now?: Date;
};

/**
 * Writes an export into this install as a new profile of `ownerId`. Every row is checked and
 * re-keyed (import-rows.ts), so an import can only ever add one new profile; its verdicts are
 * kept as history and marked as imported, not reviewed here. All or nothing, in one transaction.
 */
export async function importLearner(
  data: LearnerExport,
  options: ImportOptions,
): Promise<{ learnerId: string; rows: number; files: number }> {
  const now = options.now ?? new Date();
  const client = await db();
  const learner = data.tables.Learner![0]!;
  const programSlug = String(learner.programSlug);
  if (!getProgram(programSlug)) {
    throw new AppError(
      "invalid",
      `The export is a profile in the program "${programSlug}", which this install does not have; nothing was imported.`,
      {
        file: "unknown program",
      },
    );
  }
  if (await client.learner.findFirst({ where: { ownerId: options.ownerId, programSlug } })) {
    throw new AppError("conflict", `You already have a learner profile for ${programSlug}; nothing was imported.`, {
      file: "profile exists",
    });
  }
  const files = new Map<string, Uint8Array>();
  for (const [key, base64] of Object.entries(data.files)) {
    const bytes = Buffer.from(base64, "base64");
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (key !== storedPath(digest)) {
      throw new AppError("invalid", `The file ${key} does not match its checksum; nothing was imported.`, {
        [`files.${key}`]: "checksum mismatch",
      });
    }
    files.set(digest, bytes);
  }
  const tables = confineRows(data.tables, {
    ownerId: options.ownerId,
    soloMode: options.soloMode ?? false,
    now,
    importedFrom: `a learner export of ${data.owner.name.slice(0, 60)} made ${data.exportedAt.slice(0, 40)}`,
    files: new Map([...files].map(([sha256, bytes]) => [sha256, bytes.byteLength])),
  });
  const learnerId = String(tables[0]!.rows[0]!.id);
  let rows = 0;
  await transaction(
    async (tx) => {
      for (const { table, rows: list } of tables) rows += await insertRows(tx, table, list);
      await indexPatternTags(tx, learnerId);
      await appendLogEntry(tx, {
        learnerId,
        moduleNumber: 0,
        status: "pending",
        summary: `Imported this profile from ${tables[0]!.rows[0]!.importedFrom}`,
        evidence: `${count(rows, "row")}, ${count(files.size, "file")}`,
        risks: "verdicts in the import were given in another install: they are shown as imported, not reviewed here",
        next: "Continue with the next available module.",
        actor: { kind: "learner", userId: options.ownerId, label: String(learner.name) },
      });
      // Last, so that a refused row leaves no file in the files folder (on PostgreSQL the files are
      // rows of this transaction); a failure here rolls the rows back.
      for (const bytes of files.values()) await storeFile(bytes);
    },
    { timeoutMs: BULK_WRITE_TIMEOUT_MS },
  );
  return { learnerId, rows, files: files.size };
}
