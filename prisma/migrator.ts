// Creates and applies Prisma migrations with the WebAssembly schema engine, so no native
// engine download is ever needed; results match `prisma migrate` (same folders, same
// `_prisma_migrations` table). SQLite's migrations live in prisma/migrations; PostgreSQL's in
// prisma/postgresql/migrations, written beside them from the same schema (prisma/postgresql.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { dialect } from "../lib/env";
import { appendOnlyTriggers, HISTORY_TABLES, POSTGRES_APPEND_ONLY_FUNCTION } from "./history-tables";
import { POSTGRES_MIGRATIONS_DIR, POSTGRES_SCHEMA_PATH, postgresSchema } from "./postgresql";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "migrations");
export const SCHEMA_PATH = path.resolve(import.meta.dirname, "schema.prisma");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string | null,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export function listMigrations(migrationsDir = MIGRATIONS_DIR): MigrationList {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, LOCKFILE);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(migrationsDir, dir, "migration.sql");
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/** Names of migrations already recorded as finished in the database file (empty if none). */
export function listAppliedMigrations(dbPath: string): string[] {
  if (!existsSync(dbPath)) return [];
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return [];
    const rows = db
      .prepare(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .all() as { name: string }[];
    return rows.map((row) => row.name);
  } finally {
    db.close();
  }
}

async function loadSchemaEngine(): Promise<typeof import("@prisma/schema-engine-wasm")> {
  // Node 20 cannot import a .wasm module without a flag, so instantiate it by hand.
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = (await import(bgPath)) as typeof import("@prisma/schema-engine-wasm") & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = readFileSync(bgPath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

let engineModule: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

type OpenEngine = { engine: SchemaEngine; close(): Promise<void> };

type Adapter = { dispose(): Promise<void> };
type AdapterSource = {
  provider: "sqlite" | "postgres";
  adapterName: string;
  connect(): Promise<Adapter>;
  connectToShadowDb(): Promise<Adapter>;
};

/**
 * The PostgreSQL adapter runs a migration script by cutting it at every semicolon, which breaks a
 * function body or a string holding one, and runs the pieces one by one. PostgreSQL takes a whole
 * script as one simple query, which also makes the migration all-or-nothing: send it so.
 */
function sendScriptsWhole(connection: Adapter): void {
  const adapter = connection as unknown as { client: { query(sql: string): Promise<unknown> }; executeScript(script: string): Promise<void> };
  adapter.executeScript = async (script) => {
    await adapter.client.query(script);
  };
}

/**
 * Starts the engine on a database file, or on a PostgreSQL database when given its URL.
 * `close()` frees the engine and closes every connection it opened: freeing alone leaves the
 * connection, and on SQLite its lock, behind.
 */
export async function openEngine(target: string, schemaText: string): Promise<OpenEngine> {
  engineModule ??= loadSchemaEngine();
  const { SchemaEngine } = await engineModule;
  const inner = (
    dialect(target.startsWith("postgres") ? target : `file:${target}`) === "postgresql"
      ? new PrismaPg({ connectionString: target })
      : new PrismaBetterSqlite3({ url: `file:${target}` })
  ) as unknown as AdapterSource;
  const opened: Adapter[] = [];
  const track = async (adapter: Promise<Adapter>) => {
    const connection = await adapter;
    opened.push(connection);
    if (inner.provider === "postgres") sendScriptsWhole(connection);
    return connection;
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => track(inner.connect()),
    connectToShadowDb: () => track(inner.connectToShadowDb()),
  } as unknown as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]);
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schemaText]] }, () => {}, factory);
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose()));
    },
  };
}

/** Writes `<migrationsDir>/<folder>/migration.sql` (and the folder's lock file, naming the provider, if new). */
function writeMigration(migrationsDir: string, folder: string, sql: string, provider: "sqlite" | "postgresql"): string {
  const dir = path.join(migrationsDir, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  const lockPath = path.join(migrationsDir, LOCKFILE);
  if (!existsSync(lockPath)) {
    writeFileSync(lockPath, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`);
  }
  return dir;
}

function backupPath(dbPath: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return path.join(path.dirname(dbPath), "backups", `${path.basename(dbPath, ".db")}-${stamp}.db`);
}

async function takeBackup(dbPath: string): Promise<string> {
  const target = backupPath(dbPath);
  mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

function removeDatabaseFiles(dbPath: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });
}

function failedMigrationName(dbPath: string, pending: string[]): string | null {
  const applied = new Set(listAppliedMigrations(dbPath));
  return pending.find((name) => !applied.has(name)) ?? null;
}

export type MigrateResult = { applied: string[]; backup: string | null };

/**
 * Applies every pending migration to the database file, creating it if needed. An existing
 * database is copied to `backups/` first; if a migration fails the file is put back exactly as
 * it was (or removed, if it did not exist) and the error names the failing migration.
 */
export async function applyPendingMigrations(options: {
  dbPath: string;
  migrationsDir?: string;
  schemaPath?: string;
}): Promise<MigrateResult> {
  const { dbPath, migrationsDir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH } = options;
  const migrations = listMigrations(migrationsDir);
  const applied = new Set(listAppliedMigrations(dbPath));
  const pending = migrations.migrationDirectories.map((dir) => dir.path).filter((name) => !applied.has(name));
  if (pending.length === 0) return { applied: [], backup: null };

  mkdirSync(path.dirname(dbPath), { recursive: true });
  const existed = existsSync(dbPath);
  const backup = existed ? await takeBackup(dbPath) : null;
  const { engine, close } = await openEngine(dbPath, readFileSync(schemaPath, "utf8"));
  try {
    const result = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
    await close();
    return { applied: result.appliedMigrationNames, backup };
  } catch (error) {
    await close();
    const failed = failedMigrationName(dbPath, pending);
    removeDatabaseFiles(dbPath);
    if (backup) await copyFile(backup, dbPath);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Migration ${failed ?? "(unknown)"} failed; the database was left as it was.\n${reason}`,
      failed,
    );
  }
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` with the SQL that takes the
 * existing migrations to the current schema. Returns null when the schema has not changed.
 */
export async function createMigration(options: {
  name: string;
  migrationsDir?: string;
  schemaPath?: string;
  /** A PostgreSQL server to diff on (the engine needs one) and where that side's files go. */
  postgres: { serverUrl: string; migrationsDir?: string; schemaPath?: string };
  now?: Date;
}): Promise<string | null> {
  const { name, migrationsDir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH, now = new Date() } = options;
  const postgres = { migrationsDir: POSTGRES_MIGRATIONS_DIR, schemaPath: POSTGRES_SCHEMA_PATH, ...options.postgres };
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new MigrationError(`Migration name "${name}" must use only a-z, 0-9 and _`, null);
  }
  const schemaText = readFileSync(schemaPath, "utf8");
  const scratch = mkdtempSync(path.join(tmpdir(), "mastery-migrate-"));
  const { engine, close } = await openEngine(path.join(scratch, "main.db"), schemaText);
  try {
    // Replay the existing migrations on a scratch database, then diff it against the schema.
    await engine.applyMigrations({ migrationsList: listMigrations(migrationsDir), filters: NO_FILTERS });
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files: [{ path: schemaPath, content: schemaText }], configDir: scratch },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const generated = stdout?.trim() ?? "";
    const sql = generated === "" || generated === "-- This is an empty migration." ? null : generated;
    const postgresSql = await postgresMigrationSql(schemaText, postgres.serverUrl, postgres.schemaPath);
    if (!sql && !postgresSql) return null;
    const folder = `${now.toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
    if (postgresSql) {
      writeMigration(postgres.migrationsDir, folder, postgresSql, "postgresql");
      writeFileSync(postgres.schemaPath, postgresSchema(schemaText));
    }
    if (!sql) return path.join(postgres.migrationsDir, folder);
    const triggers = newHistoryTables(sql).map((table) => appendOnlyTriggers("sqlite", table));
    return writeMigration(migrationsDir, folder, [sql, ...triggers].join("\n\n"), "sqlite");
  } finally {
    await close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ── PostgreSQL ──

/** Names of migrations recorded as finished in the PostgreSQL database (empty if none). */
export async function listAppliedPostgresMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS name");
    if (!rows[0]?.name) return [];
    const applied = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    return applied.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/**
 * Applies every pending PostgreSQL migration. There is no file to copy first: a team server's
 * database is backed up by its own means. Each migration runs as one statement batch, so a failed
 * one changes nothing; it is named, and recorded as failed as `prisma migrate deploy` records it.
 * App instances that start together take turns: the engine holds PostgreSQL's advisory lock for
 * migrations while it applies, and the next finds nothing left to apply.
 */
export async function applyPostgresMigrations(url: string, migrationsDir = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const migrations = listMigrations(migrationsDir);
  const applied = new Set(await listAppliedPostgresMigrations(url));
  const pending = migrations.migrationDirectories.map((dir) => dir.path).filter((name) => !applied.has(name));
  if (pending.length === 0) return [];
  const { engine, close } = await openEngine(url, postgresSchema(readFileSync(SCHEMA_PATH, "utf8")));
  try {
    const result = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } catch (error) {
    const done = new Set(await listAppliedPostgresMigrations(url).catch(() => []));
    const failed = pending.find((name) => !done.has(name)) ?? "(unknown)";
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed} failed on PostgreSQL.\n${reason}`, failed);
  } finally {
    await close();
  }
}

/** Brings the database DATABASE_URL names (or `url`) up to date, whichever kind it is. */
export async function migrateDatabase(url: string): Promise<MigrateResult> {
  if (dialect(url) === "postgresql") return { applied: await applyPostgresMigrations(url), backup: null };
  return applyPendingMigrations({ dbPath: path.resolve(url.slice("file:".length)) });
}

/** The tables a migration's SQL creates that are history tables, so their triggers go with it. */
function newHistoryTables(sql: string) {
  return HISTORY_TABLES.filter(({ table }) => sql.includes(`CREATE TABLE "${table}"`));
}

/**
 * The PostgreSQL migration that takes the committed PostgreSQL schema (none for the first) to
 * the one derived from `schemaText`: the engine diffs the two datamodels, no server involved;
 * new history tables get their append-only triggers.
 */
export async function postgresMigrationSql(schemaText: string, serverUrl: string, previousPath = POSTGRES_SCHEMA_PATH): Promise<string | null> {
  const next = postgresSchema(schemaText);
  const { engine, close } = await openEngine(serverUrl, next);
  try {
    const from = existsSync(previousPath)
      ? { tag: "schemaDatamodel" as const, files: [{ path: previousPath, content: readFileSync(previousPath, "utf8") }] }
      : { tag: "empty" as const };
    const { stdout } = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: POSTGRES_SCHEMA_PATH, content: next }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = stdout?.trim() ?? "";
    if (sql === "" || sql === "-- This is an empty migration.") return null;
    const history = newHistoryTables(sql);
    const first = from.tag === "empty";
    const triggers = history.map((table) => appendOnlyTriggers("postgresql", table));
    const parts = [sql, ...(first ? ["-- Append-only history tables", POSTGRES_APPEND_ONLY_FUNCTION] : history.length ? ["-- Append-only history tables"] : []), ...triggers];
    return parts.join("\n\n");
  } finally {
    await close();
  }
}
