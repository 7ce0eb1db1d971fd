// The one Prisma client of the process: on SQLite through better-sqlite3, with the pragmas a
// local app that must not lose data needs, or on PostgreSQL through node-postgres for a team
// server. SQL that differs between the two stays here and in the migrations.
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Statement } from "better-sqlite3";
import type { Prisma, PrismaClient } from "./generated/prisma/client";
import { databasePath, dialect, env, type Dialect } from "./env";
import { type ReusedStatement, reusingStatements } from "./sqlite-statements";

const BUSY_TIMEOUT_MS = 5000;

export { databasePath };

// WAL lets readers work while one writer commits; synchronous=FULL makes every commit durable
// across power loss, which a learner's record is worth the extra fsync for.
const PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
];

type Db = PrismaClient;

/** The queries of one transaction (or of the client, outside any). */
export type Tx = Prisma.TransactionClient;

/** A first-come, first-served lock: `acquire()` resolves to the function that releases it. */
function createLock(): () => Promise<() => void> {
  let tail = Promise.resolve();
  return () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = tail.then(() => release);
    tail = tail.then(() => released);
    return acquired;
  };
}

type Shared = {
  client?: Promise<Db>;
  /** The transaction the current call chain runs in, if any (see `transaction`). */
  openTransaction: AsyncLocalStorage<Tx>;
  /** Set while a `$transaction` call runs: its queries belong to that transaction. */
  insideTransaction: AsyncLocalStorage<true>;
  /** Runs one statement straight on the shared connection (see `insertRows`); set once the client connects. */
  runOnConnection: ((sql: string, params: unknown[]) => void) | null;
};

/**
 * The state every copy of this module in the process shares, kept on globalThis: a Next.js server
 * bundle may load the module more than once, and dev hot reload loads it again, but there is one
 * connection and one open transaction per call chain.
 */
const shared: Shared = ((globalThis as unknown as { masteryDatabase?: Shared }).masteryDatabase ??= {
  openTransaction: new AsyncLocalStorage<Tx>(),
  insideTransaction: new AsyncLocalStorage<true>(),
  runOnConnection: null,
});
const { openTransaction, insideTransaction } = shared;

type Queryable = { queryRaw: (query: unknown) => Promise<unknown>; executeRaw: (query: unknown) => Promise<unknown> };
type Transaction = { commit: () => Promise<void>; rollback: () => Promise<void> };

/**
 * Three fixes to how the adapter uses its one connection:
 * - each SQL text is compiled once and its statement reused (lib/sqlite-statements.ts), instead
 *   of compiled again for every query;
 * - transactions open with BEGIN IMMEDIATE, so a transaction takes the write lock first
 *   (waiting up to the busy timeout) instead of reading and then failing with "database is
 *   locked" because another process (a backup, a second server, a script) wrote in between;
 * - a query made outside any transaction waits while a transaction is open, instead of running
 *   inside it on the shared connection, where it would read uncommitted rows and see its own
 *   write rolled back with someone else's transaction. Queries made from within a transaction's
 *   call (`db()` there returns the transaction, but Prisma may batch a client query into it) are
 *   part of that transaction and go ahead.
 */
function withIsolatedTransactions(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connectAdapter = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connectAdapter();
    const sqlite = (adapter as unknown as { client: { prepare: (sql: string) => Statement | ReusedStatement } }).client;
    const prepare = sqlite.prepare.bind(sqlite) as (sql: string) => Statement;
    const reused = reusingStatements(prepare);
    sqlite.prepare = (sql: string) => reused(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    shared.runOnConnection = (sql, params) => void prepare(sql).run(...params);

    const acquire = createLock();
    const queryable = adapter as unknown as Queryable;
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const run = queryable[method].bind(adapter);
      queryable[method] = async (query) => {
        if (insideTransaction.getStore()) return run(query);
        const release = await acquire();
        try {
          return await run(query);
        } finally {
          release();
        }
      };
    }
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await acquire();
      try {
        const transaction = await startTransaction(isolationLevel);
        const tx = transaction as unknown as Transaction;
        for (const method of ["commit", "rollback"] as const) {
          const end = tx[method].bind(transaction);
          tx[method] = async () => {
            try {
              await end();
            } finally {
              release();
            }
          };
        }
        return transaction;
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  };
  return factory;
}

/** Connections each app instance keeps open to PostgreSQL (several instances share one server). */
const POSTGRES_POOL_SIZE = 10;

async function connectPostgres(): Promise<Db> {
  // The PostgreSQL client is generated from the same models (prisma/postgresql.ts), so its API is
  // the SQLite client's; only the query compiler underneath differs.
  const { PrismaClient } = await import("./generated/prisma-pg/client");
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: POSTGRES_POOL_SIZE });
  // A write may wait for a free connection and then for its learner's lock behind a burst of
  // writes to the same learner: allow for that rather than fail a person's write after 2 s.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } }) as unknown as Db;
}

async function connect(): Promise<Db> {
  if (dialect() === "postgresql") return connectPostgres();
  // Imported on first use so that scripts can ask for databasePath() before the client exists.
  const { PrismaClient } = await import("./generated/prisma/client");
  const adapter = withIsolatedTransactions(new PrismaBetterSqlite3({ url: `file:${databasePath()}`, timeout: BUSY_TIMEOUT_MS }));
  const client = new PrismaClient({ adapter });
  const begin = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { $transaction: typeof begin }).$transaction = (...args) => insideTransaction.run(true, () => begin(...args));
  for (const pragma of PRAGMAS) await client.$queryRawUnsafe(pragma);
  return client;
}

/** The shared client; cached on globalThis so dev hot reload does not open a new connection. */
export function connection(): Promise<Db> {
  shared.client ??= connect();
  return shared.client;
}

/**
 * Where queries go: inside `transaction`, the open transaction, so a read made anywhere in its
 * call chain sees the rows it wrote; outside, the shared client.
 */
export async function db(): Promise<Tx> {
  return openTransaction.getStore() ?? (await connection());
}

/** Prisma's defaults (wait 2 s to start, 5 s to finish) suit a learner's single write; bulk writes pass their own. */
export type TransactionOptions = {
  timeoutMs?: number;
  /**
   * Every read sees the database as it was when the transaction began, for reads across several
   * tables that must agree (an export). SQLite's transactions already do; on PostgreSQL this asks
   * for REPEATABLE READ instead of its default, where each statement sees the latest commits.
   */
  snapshot?: boolean;
};

/**
 * The limit of an import's one transaction (thousands of rows in batched inserts): well above
 * the few hundred milliseconds it takes, so that only a stuck write fails, on a busy machine too.
 */
export const BULK_WRITE_TIMEOUT_MS = 60_000;

/** A row in the form SQLite stores it: text (times as `storedTime` gives them), numbers (flags as 0/1), null. */
export type StoredRow = Record<string, string | number | null>;

/** A time as Prisma stores a DateTime in SQLite. */
export const storedTime = (time: Date): string => time.toISOString().replace(/Z$/, "+00:00");

const INSERT_BATCH = 200;

/**
 * Inserts rows of one table, all with the same columns, as multi-row INSERTs inside the open
 * `transaction` whose `tx` is given: what bulk writes use instead of one query per row. On SQLite
 * the statements run straight on the shared connection, which holds that transaction, so they
 * commit or roll back with it; going through Prisma (createMany, or raw queries, whose parameters
 * it serialises) would cost several times as much for the megabytes an import writes. On
 * PostgreSQL they go through the transaction's own connection, each value sent as text for the
 * server to read as its column's type (the stored forms above all read back as they should).
 */
export async function insertRows(tx: Tx, table: string, rows: StoredRow[]): Promise<number> {
  if (openTransaction.getStore() !== tx) throw new Error("insertRows runs inside transaction(), with its tx");
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!);
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const postgres = dialect() === "postgresql";
  const run = shared.runOnConnection;
  if (!postgres && !run) throw new Error("insertRows needs the SQLite connection to be open");
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const values = batch.flatMap((row) => columns.map((c) => row[c] ?? null));
    if (postgres) {
      let n = 0;
      const tuples = batch.map(() => `(${columns.map(() => `$${++n}`).join(", ")})`);
      await tx.$executeRawUnsafe(head + tuples.join(", "), ...values.map((v) => (v === null ? null : String(v))));
    } else {
      run!(head + batch.map(() => `(${columns.map(() => "?").join(", ")})`).join(", "), values);
    }
  }
  return rows.length;
}

/**
 * Runs `work` in one transaction; called inside another `transaction`, it joins that one, so a
 * caller can make a domain change and its own record of it (an idempotent answer) commit together.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const outer = openTransaction.getStore();
  if (outer) return work(outer);
  const client = await connection();
  const limits = {
    ...(options.timeoutMs ? { timeout: options.timeoutMs, maxWait: options.timeoutMs } : {}),
    // The client's types are SQLite's, which knows one isolation level; PostgreSQL's client takes this one.
    ...(options.snapshot && dialect() === "postgresql" ? { isolationLevel: "RepeatableRead" as unknown as "Serializable" } : {}),
  };
  return client.$transaction((tx) => openTransaction.run(tx, () => work(tx)), limits);
}

/**
 * The first step of every write to one learner's data: it keeps the learner's invariants (one
 * packet in progress, evidence and library version numbers) whole when two requests write at
 * once. On SQLite every transaction already opens with BEGIN IMMEDIATE and so holds the
 * database's one write lock until it ends; there is nothing more to take, and this is a no-op.
 * On PostgreSQL it takes a lock on the learner that the transaction holds until it ends, so two
 * writes to one learner run one after the other (writes to different learners still run at once).
 */
export async function lockLearner(tx: Tx, learnerId: string): Promise<void> {
  await lockName(tx, `learner:${learnerId}`);
}

/**
 * Serialises the transactions that take the same `name` (a learner, a sign-in name): a
 * transaction-scoped advisory lock on PostgreSQL; a no-op on SQLite, where a transaction already
 * holds the database's one write lock.
 */
export async function lockName(tx: Tx, name: string): Promise<void> {
  if (dialect() !== "postgresql") return;
  await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text AS locked", name);
}

/**
 * A "text contains" filter that ignores letter case on both databases: SQLite's LIKE already
 * does (for ASCII letters, which is what it compares case-insensitively); PostgreSQL needs it asked.
 */
export function containsText(needle: string): { contains: string } {
  return (dialect() === "postgresql" ? { contains: needle, mode: "insensitive" } : { contains: needle }) as { contains: string };
}

/** Current pragma values, for the health check and tests. */
export async function readPragmas(): Promise<Record<string, string>> {
  const client = await connection();
  const names = ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"] as const;
  const entries = await Promise.all(
    names.map(async (name) => {
      const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
      return [name, String(Object.values(rows[0] ?? {})[0])] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export type DatabaseHealth =
  | { reachable: true; dialect: Dialect; answeredInMs: number; settings: Record<string, string> }
  | { reachable: false; dialect: Dialect; problem: string };

/** Whether the database answers a query, for the health check a load balancer polls. */
export async function databaseHealth(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const client = await connection();
    await client.$queryRawUnsafe("SELECT 1");
    const settings = dialect() === "sqlite" ? await readPragmas() : {};
    return { reachable: true, dialect: dialect(), answeredInMs: Math.round(performance.now() - started), settings };
  } catch (error) {
    // Prisma's messages start with a blank line and the call site; the driver's reason is the last line.
    const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((line) => line.trim());
    return { reachable: false, dialect: dialect(), problem: lines.filter(Boolean).at(-1) ?? "no answer" };
  }
}
