// The learner export file (docs/learner-export.md): its format name and version, and reading one
// back. A version 2 file states each column's type and every value is checked against it; a
// version 1 file (values as SQLite stored them) is first read into version 2's typed form by the
// types the app declares for its columns (import-rows.ts).
import { z } from "zod";
import { AppError } from "../errors";
import { COLUMN_TYPES, DatetimeSchema, fromStoredValue, typeProblem } from "./column-types";
import { COLUMNS, refuse, type Row } from "./import-rows";

export const EXPORT_FORMAT = "mastery-learner-export";
export const EXPORT_VERSION = 2;

/** The largest learner export an import reads (files travel inside it, base64). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const format = z.literal(EXPORT_FORMAT, { error: `not a Mastery learner export (format must be "${EXPORT_FORMAT}")` });
const owner = z.strictObject({ name: z.string() });
const files = z.record(z.string().regex(/^[0-9a-f]{2}\/[0-9a-f]{64}$/, "file keys are <xx>/<sha256>"), z.string());

const ExportSchema = z.strictObject({
  format,
  version: z.literal(EXPORT_VERSION),
  exportedAt: DatetimeSchema,
  owner,
  /** Each table's columns and their types; every value of the table is checked against them. */
  columns: z.record(z.string(), z.record(z.string(), z.enum(COLUMN_TYPES))),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  files,
});
export type LearnerExport = z.infer<typeof ExportSchema>;

/** Version 1: the rows as SQLite stored them (times as text, flags as 0/1, JSON as text), no column types. */
const Version1Schema = z.strictObject({
  format,
  version: z.literal(1),
  exportedAt: z.string(),
  owner,
  tables: z.record(z.string(), z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))),
  files,
});

function parsed<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw AppError.fromZod(result.error, "The file is not a Mastery learner export.");
  return result.data;
}

function refuseUnknownTables(tables: string[]): void {
  const unknown = [...new Set(tables)].filter((table) => !(table in COLUMNS));
  if (unknown.length > 0)
    throw new AppError("invalid", `The export has tables this app does not know: ${unknown.join(", ")}.`, { tables: unknown.join(", ") });
}

/** A version 1 file in version 2's form: each known column's value read from its stored form. */
function fromVersion1(file: z.infer<typeof Version1Schema>): LearnerExport {
  refuseUnknownTables(Object.keys(file.tables));
  const typed = (table: string, row: Record<string, unknown>, index: number): Row =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => {
        const type = COLUMNS[table]![column];
        // An unknown column stays as it is, for the value check to refuse by name.
        if (!type) return [column, value];
        const read = fromStoredValue(type, value);
        if ("problem" in read) throw refuse(table, index, `has a bad value in "${column}" (${read.problem})`);
        return [column, read.value];
      }),
    );
  return {
    ...file,
    version: EXPORT_VERSION,
    columns: Object.fromEntries(Object.keys(file.tables).map((table) => [table, COLUMNS[table]!])),
    tables: Object.fromEntries(Object.entries(file.tables).map(([table, rows]) => [table, rows.map((row, i) => typed(table, row, i))])),
  };
}

/** The column types the file states must be the ones this app reads the columns as. */
function checkColumns(data: LearnerExport): void {
  refuseUnknownTables([...Object.keys(data.columns), ...Object.keys(data.tables)]);
  for (const table of Object.keys(data.tables)) {
    if (!data.columns[table])
      throw new AppError("invalid", `The export states no column types for ${table}; nothing was imported.`, {
        [`columns.${table}`]: "missing",
      });
  }
  for (const [table, columns] of Object.entries(data.columns)) {
    for (const [column, type] of Object.entries(columns)) {
      const ours = COLUMNS[table]![column];
      if (!ours)
        throw new AppError("invalid", `The export has a column this app does not know: ${table}.${column}; nothing was imported.`, {
          [`columns.${table}.${column}`]: "unknown column",
        });
      if (ours !== type)
        throw new AppError(
          "invalid",
          `The export states ${table}.${column} is ${type}; this app reads it as ${ours}. Nothing was imported.`,
          {
            [`columns.${table}.${column}`]: `expected ${ours}`,
          },
        );
    }
  }
}

/** Every value must be of the type its column states. */
function checkValues(data: LearnerExport): void {
  for (const [table, rows] of Object.entries(data.tables)) {
    const columns = data.columns[table]!;
    rows.forEach((row, index) => {
      for (const [column, value] of Object.entries(row)) {
        const type = columns[column];
        if (!type) throw refuse(table, index, `has an unknown column "${column}"`);
        const problem = typeProblem(type, value);
        if (problem) throw refuse(table, index, `has a bad value in "${column}" (${problem})`);
      }
    });
  }
}

/** Parses an export file's text (version 1 or 2), naming the problem when it is not one this app can import. */
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
  const data = version === 1 ? fromVersion1(parsed(Version1Schema, raw)) : parsed(ExportSchema, raw);
  checkColumns(data);
  checkValues(data);
  if (data.tables.Learner?.length !== 1)
    throw new AppError("invalid", "The export must hold exactly one learner profile.", { "tables.Learner": "exactly one row" });
  return data;
}
