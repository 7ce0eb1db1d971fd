// Full export of one learner profile as JSON, and its import into another install. The file
// carries the profile's rows table by table exactly as stored, plus its uploaded files, under a
// format name and version (documented in docs/learner-export.md). An import is checked
// completely and written in one transaction: an unknown version, a broken file or a clash with
// data already here writes nothing.
import { createHash } from "node:crypto";
import { z } from "zod";
import Database from "better-sqlite3";
import { getProgram } from "../content";
import { BULK_WRITE_TIMEOUT_MS, databasePath, db, insertRows, transaction } from "../db";
import { AppError } from "../errors";
import { readStoredFile, storedPath, storeFile } from "../files";
import { indexPatternTags } from "../library/patterns";
import { appendLogEntry } from "../log/service";
import { confineRows, type Row, TABLES } from "./import-rows";
import { count } from "../ui/plural";

const EXPORT_FORMAT = "mastery-learner-export";
const EXPORT_VERSION = 1;

/** The largest learner export an import reads (files travel inside it, base64). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const IN_PACKETS = `"packetId" IN (SELECT "id" FROM "Packet" WHERE "learnerId" = ?)`;
const IN_PLANS = `"planId" IN (SELECT "id" FROM "ExecPlan" WHERE "learnerId" = ?)`;

/**
 * Every table that holds a learner's data, parents before children, with the rows that
 * belong to the learner `?`. Tables left out on purpose are listed in NOT_EXPORTED.
 */
export const EXPORTED_TABLES: ReadonlyArray<{ table: string; where: string }> = [
  { table: "Learner", where: `"id" = ?` },
  { table: "Packet", where: `"learnerId" = ?` },
  { table: "Evidence", where: IN_PACKETS },
  { table: "CompletionProof", where: IN_PACKETS },
  { table: "Review", where: IN_PACKETS },
  { table: "FeedbackTick", where: `"reviewId" IN (SELECT "id" FROM "Review" WHERE ${IN_PACKETS})` },
  { table: "ReviewComment", where: IN_PACKETS },
  { table: "CommentResolution", where: `"commentId" IN (SELECT "id" FROM "ReviewComment" WHERE ${IN_PACKETS})` },
  { table: "PlanLogEntry", where: `"learnerId" = ?` },
  { table: "PrerequisiteWaiver", where: `"learnerId" = ?` },
  { table: "PatternCategory", where: `"learnerId" = ?` },
  { table: "Pattern", where: `"learnerId" = ?` },
  { table: "PatternVersion", where: `"patternId" IN (SELECT "id" FROM "Pattern" WHERE "learnerId" = ?)` },
  { table: "PlaybookEntry", where: `"learnerId" = ?` },
  { table: "PlaybookEntryVersion", where: `"entryId" IN (SELECT "id" FROM "PlaybookEntry" WHERE "learnerId" = ?)` },
  { table: "ChecklistTick", where: `"entryId" IN (SELECT "id" FROM "PlaybookEntry" WHERE "learnerId" = ?)` },
  { table: "ExecPlan", where: `"learnerId" = ?` },
  { table: "ExecPlanRevision", where: IN_PLANS },
  { table: "ExecPlanAttachment", where: IN_PLANS },
  { table: "RunningTimer", where: `"learnerId" = ?` },
  { table: "DrillRun", where: IN_PACKETS },
  { table: "TimeEntry", where: `"learnerId" = ?` },
  { table: "RedrillResult", where: `"learnerId" = ?` },
  { table: "IndicatorMark", where: `"learnerId" = ?` },
];

/**
 * People and sign-in attempts belong to the install; API tokens are secrets of this install
 * (create new ones after a move) and stored idempotent and form answers only matter for retries.
 * PatternTag is derived from Pattern.tags: the import rebuilds it. StoredFile holds the bytes of
 * uploaded files on PostgreSQL: they travel as the export's `files`, whichever store holds them.
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
const ValueSchema = z.union([z.string(), z.number(), z.null()]);

const ExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `not a Mastery learner export (format must be "${EXPORT_FORMAT}")` }),
  version: z.number().int().positive(),
  exportedAt: z.string(),
  owner: z.strictObject({ name: z.string() }),
  tables: z.record(z.string(), z.array(z.record(z.string(), ValueSchema))),
  files: z.record(z.string().regex(/^[0-9a-f]{2}\/[0-9a-f]{64}$/, "file keys are <xx>/<sha256>"), z.string()),
});
export type LearnerExport = z.infer<typeof ExportSchema>;

const parameters = (where: string, learnerId: string) => Array.from({ length: where.split("?").length - 1 }, () => learnerId);

/** One learner profile's data, ready for JSON.stringify. */
export async function exportLearner(learnerId: string, now = new Date()): Promise<LearnerExport> {
  const client = await db();
  const learner = await client.learner.findUnique({ where: { id: learnerId }, include: { owner: true } });
  if (!learner) throw new AppError("not-found", "No such learner profile.", { learnerId: "unknown learner profile" });
  // Read straight from SQLite, in one read transaction, so values keep their stored form.
  const sqlite = new Database(databasePath(), { readonly: true, fileMustExist: true });
  const tables: Record<string, Row[]> = {};
  try {
    sqlite.transaction(() => {
      for (const { table, where } of EXPORTED_TABLES) {
        tables[table] = sqlite
          .prepare(`SELECT * FROM "${table}" WHERE ${where} ORDER BY rowid`)
          .all(...parameters(where, learnerId)) as Row[];
      }
    })();
  } finally {
    sqlite.close();
  }
  const files: Record<string, string> = {};
  for (const row of tables.Evidence ?? []) {
    if (typeof row.sha256 === "string") files[storedPath(row.sha256)] = (await readStoredFile(row.sha256)).toString("base64");
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    owner: { name: learner.owner.name },
    tables,
    files,
  };
}

/** Parses an export file's text, naming the problem when it is not one this app can import. */
export function parseLearnerExport(text: string): LearnerExport {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new AppError("too-large", `The export is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most an import reads.`, {
      file: `learner imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The file is not valid JSON.", { file: "not valid JSON" });
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > EXPORT_VERSION) {
    throw new AppError("invalid", `The export has version ${version}; this app imports version ${EXPORT_VERSION} and older.`, {
      version: "unknown version",
    });
  }
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The file is not a Mastery learner export.");
  const known = new Set(Object.keys(TABLES));
  const unknown = Object.keys(parsed.data.tables).filter((table) => !known.has(table));
  if (unknown.length > 0)
    throw new AppError("invalid", `The export has tables this app does not know: ${unknown.join(", ")}.`, { tables: unknown.join(", ") });
  if (parsed.data.tables.Learner?.length !== 1)
    throw new AppError("invalid", "The export must hold exactly one learner profile.", { "tables.Learner": "exactly one row" });
  return parsed.data;
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
