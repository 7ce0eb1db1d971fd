// The history tables: rows are only ever added, and the database itself refuses UPDATE and DELETE
// (and, on PostgreSQL, TRUNCATE), whatever the code does. One list for both databases: the
// PostgreSQL migrations are generated from it, and a test checks each database against it.
import type { Dialect } from "../lib/env";

export const HISTORY_TABLES: ReadonlyArray<{ table: string; instead: string }> = [
  { table: "Evidence", instead: "add a new row instead of changing one" },
  { table: "CompletionProof", instead: "add a new row instead of changing one" },
  { table: "Review", instead: "add a new row instead of changing one" },
  { table: "ReviewComment", instead: "add a new row instead of changing one" },
  { table: "CommentResolution", instead: "add a new row instead of changing one" },
  { table: "PlanLogEntry", instead: "add a new row instead of changing one" },
  { table: "PatternVersion", instead: "add a new row instead of changing one" },
  { table: "PlaybookEntryVersion", instead: "add a new row instead of changing one" },
  { table: "ExecPlanRevision", instead: "save a new revision instead of changing one" },
  { table: "ExecPlanAttachment", instead: "add a new row instead of changing one" },
  { table: "TimeEntry", instead: "add a correction instead of changing a row" },
  { table: "RedrillResult", instead: "add a new row instead of changing one" },
  { table: "IndicatorMark", instead: "add a new row instead of changing one" },
];

const updateMessage = (table: string, instead: string) => `${table} is append-only: ${instead}`;
const deleteMessage = (table: string) => `${table} is append-only: rows cannot be deleted`;

/** The triggers that make one history table append-only, as SQL for the given database. */
export function appendOnlyTriggers(dialect: Dialect, { table, instead }: { table: string; instead: string }): string {
  if (dialect === "sqlite") {
    return [
      `CREATE TRIGGER "${table}_append_only_update" BEFORE UPDATE ON "${table}"`,
      `BEGIN SELECT RAISE(ABORT, '${updateMessage(table, instead)}'); END;`,
      `CREATE TRIGGER "${table}_append_only_delete" BEFORE DELETE ON "${table}"`,
      `BEGIN SELECT RAISE(ABORT, '${deleteMessage(table)}'); END;`,
    ].join("\n");
  }
  const refuse = (when: string, message: string, each: string) =>
    `CREATE TRIGGER "${table}_append_only_${when.toLowerCase()}" BEFORE ${when} ON "${table}" FOR EACH ${each} EXECUTE FUNCTION "append_only"('${message}');`;
  return [
    refuse("UPDATE", updateMessage(table, instead), "ROW"),
    refuse("DELETE", deleteMessage(table), "ROW"),
    refuse("TRUNCATE", deleteMessage(table), "STATEMENT"),
  ].join("\n");
}

/** PostgreSQL's one trigger function: it refuses the change with the message its trigger passes. */
export const POSTGRES_APPEND_ONLY_FUNCTION = `CREATE OR REPLACE FUNCTION "append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$;`;
