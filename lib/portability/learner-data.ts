// Full export of one learner profile as JSON, and its import into another install. The file
// carries the profile's rows table by table exactly as stored, plus its uploaded files, under a
// format name and version (documented in docs/learner-export.md). An import is checked
// completely and written in one transaction: an unknown version, a broken file or a clash with
// data already here writes nothing.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import Database from "better-sqlite3";
import { databasePath, db } from "../db";
import { AppError } from "../errors";
import { filesDir, storeFile } from "../packets/evidence";

export const EXPORT_FORMAT = "mastery-learner-export";
export const EXPORT_VERSION = 1;

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
  { table: "TimeEntry", where: `"learnerId" = ?` },
  { table: "RedrillResult", where: `"learnerId" = ?` },
  { table: "IndicatorMark", where: `"learnerId" = ?` },
];

/**
 * People, sign-in attempts and settings belong to the install; API tokens are secrets of this
 * install (create new ones after a move) and stored idempotent answers only matter for retries.
 */
export const NOT_EXPORTED = ["User", "SignInAttempt", "Setting", "ApiToken", "IdempotentRequest"];

type Row = Record<string, string | number | null>;
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
        tables[table] = sqlite.prepare(`SELECT * FROM "${table}" WHERE ${where} ORDER BY rowid`).all(...parameters(where, learnerId)) as Row[];
      }
    })();
  } finally {
    sqlite.close();
  }
  const files: Record<string, string> = {};
  for (const row of tables.Evidence ?? []) {
    const stored = row.filePath;
    if (typeof stored === "string") files[stored] = readFileSync(path.join(filesDir(), stored)).toString("base64");
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), owner: { name: learner.owner.name }, tables, files };
}

/** Parses an export file's text, naming the problem when it is not one this app can import. */
export function parseLearnerExport(text: string): LearnerExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The file is not valid JSON.", { file: "not valid JSON" });
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > EXPORT_VERSION) {
    throw new AppError("invalid", `The export has version ${version}; this app imports version ${EXPORT_VERSION} and older.`, { version: "unknown version" });
  }
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The file is not a Mastery learner export.");
  const known = new Set(EXPORTED_TABLES.map((t) => t.table));
  const unknown = Object.keys(parsed.data.tables).filter((table) => !known.has(table));
  if (unknown.length > 0) throw new AppError("invalid", `The export has tables this app does not know: ${unknown.join(", ")}.`, { tables: unknown.join(", ") });
  if (parsed.data.tables.Learner?.length !== 1) throw new AppError("invalid", "The export must hold exactly one learner profile.", { "tables.Learner": "exactly one row" });
  return parsed.data;
}

/**
 * Writes an export's rows into this install, the profile owned by `ownerId`. Ids are kept, so
 * importing the same profile twice is refused rather than duplicated.
 */
export async function importLearner(data: LearnerExport, ownerId: string): Promise<{ learnerId: string; rows: number; files: number }> {
  const client = await db();
  const learner = data.tables.Learner![0]!;
  const learnerId = String(learner.id);
  if (await client.learner.findUnique({ where: { id: learnerId } })) {
    throw new AppError("conflict", "This learner profile is already in this install; nothing was imported.", { file: "already imported" });
  }
  if (await client.learner.findFirst({ where: { ownerId, programSlug: String(learner.programSlug) } })) {
    throw new AppError("conflict", `You already have a learner profile for ${learner.programSlug}; nothing was imported.`, { file: "profile exists" });
  }
  const files = Object.entries(data.files).map(([key, base64]) => {
    const bytes = Buffer.from(base64, "base64");
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (key !== `${digest.slice(0, 2)}/${digest}`) {
      throw new AppError("invalid", `The file ${key} does not match its checksum; nothing was imported.`, { [`files.${key}`]: "checksum mismatch" });
    }
    return bytes;
  });
  let rows = 0;
  await client.$transaction(async (tx) => {
    for (const { table } of EXPORTED_TABLES) {
      const columns = new Set((await tx.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${table}")`)).map((c) => c.name));
      for (const [index, original] of (data.tables[table] ?? []).entries()) {
        const row = table === "Learner" ? { ...original, ownerId } : original;
        const names = Object.keys(row);
        const stray = names.find((name) => !columns.has(name));
        if (stray) throw new AppError("invalid", `${table} row ${index + 1} has an unknown column "${stray}"; nothing was imported.`, { [`tables.${table}`]: `unknown column ${stray}` });
        try {
          await tx.$executeRawUnsafe(
            `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
            ...names.map((n) => row[n]),
          );
        } catch (error) {
          throw new AppError("invalid", `${table} row ${index + 1} cannot be imported (${(error as Error).message.split("\n").at(-1)}); nothing was imported.`, {
            [`tables.${table}`]: `row ${index + 1} rejected`,
          });
        }
        rows += 1;
      }
    }
    // Last, so that a refused row leaves no file behind; a failure here rolls the rows back.
    for (const bytes of files) storeFile(bytes);
  });
  return { learnerId, rows, files: Object.keys(data.files).length };
}
