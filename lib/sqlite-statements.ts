// Compiled SQLite statements, kept for reuse. Prisma's better-sqlite3 adapter prepares every query
// afresh and binds its parameters to the new statement for good (`Statement#bind`), so SQLite
// compiles the same SQL again on every request: 28–148 µs a statement, some 0.3–0.5 ms of a page
// that makes six to twelve queries. `reusingStatements` gives the adapter a `prepare` that compiles each SQL text
// once, keeps the most recently used statements up to a limit (Prisma writes a new text for each
// length of an `IN (…)` list), and hands out per call a statement-like object that passes its
// parameters at each run instead of binding them.
import type { ColumnDefinition, RunResult, Statement } from "better-sqlite3";
import { lruMemo } from "./lru";

/** What the adapter uses of a statement once its parameters are bound. */
type BoundStatement = {
  readonly reader: boolean;
  run(): RunResult;
  columns(): ColumnDefinition[];
  raw(): { all(): unknown[] };
};

/** What the adapter uses of a prepared statement: bound to parameters, or run as it is (BEGIN, COMMIT). */
export type ReusedStatement = BoundStatement & { bind(parameters: unknown[]): BoundStatement };

/** How many compiled statements a connection keeps: every query a page makes, with room to spare. */
const KEPT_STATEMENTS = 200;

/** A `prepare` that compiles each SQL text once with `compile` and reuses it while it stays among the `limit` most recently used. */
export function reusingStatements(compile: (sql: string) => Statement, limit = KEPT_STATEMENTS): (sql: string) => ReusedStatement {
  const kept = lruMemo<Statement>(limit);
  return (sql) => {
    const statement = kept(sql, () => compile(sql));
    return { ...withParameters(statement, []), bind: (parameters) => withParameters(statement, parameters) };
  };
}

// A statement runs to completion within each call (run and all, never iterate), so one compiled
// statement can serve every caller in turn; SQLite resets it after each run, a failed one too.
function withParameters(statement: Statement, parameters: unknown[]): BoundStatement {
  return {
    reader: statement.reader,
    run: () => statement.run(...parameters),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...parameters) }),
  };
}
