import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { applyPendingMigrations, createMigration, listAppliedMigrations, MIGRATIONS_DIR, MigrationError, SCHEMA_PATH } from "./migrator";
import { POSTGRES_MIGRATIONS_DIR, POSTGRES_SCHEMA_PATH } from "./postgresql";

let dir: string;
let dbPath: string;
let migrationsDir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "migrator-test-"));
  dbPath = path.join(dir, "data", "test.db");
  migrationsDir = path.join(dir, "migrations");
  cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const shipped = () => readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const tables = (file: string) =>
  (new Database(file, { readonly: true }).prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

function addMigration(name: string, sql: string) {
  mkdirSync(path.join(migrationsDir, name));
  writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
}

describe("applyPendingMigrations", () => {
  it("creates a fresh database with every migration and no backup", async () => {
    const result = await applyPendingMigrations({ dbPath, migrationsDir });
    expect(result.applied).toEqual(shipped());
    expect(result.backup).toBeNull();
    expect(tables(dbPath)).toContain("PlanLogEntry");
    expect(listAppliedMigrations(dbPath)).toEqual(shipped());
  });

  it("does nothing on an already migrated database", async () => {
    await applyPendingMigrations({ dbPath, migrationsDir });
    const before = readFileSync(dbPath);
    const again = await applyPendingMigrations({ dbPath, migrationsDir });
    expect(again).toEqual({ applied: [], backup: null });
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it("upgrades an existing database after copying it to backups/", async () => {
    await applyPendingMigrations({ dbPath, migrationsDir });
    const db = new Database(dbPath);
    db.prepare("INSERT INTO User (id, name, role, passphraseHash) VALUES ('u1', 'Ada', 'learner', 'x')").run();
    db.close();
    addMigration("29990101000000_add_note", 'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    const result = await applyPendingMigrations({ dbPath, migrationsDir });
    expect(result.applied).toEqual(["29990101000000_add_note"]);
    expect(result.backup && existsSync(result.backup)).toBe(true);
    expect(tables(result.backup!)).not.toContain("Note");
    expect(tables(dbPath)).toContain("Note");
    const row = new Database(dbPath, { readonly: true }).prepare("SELECT name FROM User").get();
    expect(row).toEqual({ name: "Ada" });
  });

  it("leaves the database as it was when a migration fails, and names the migration", async () => {
    await applyPendingMigrations({ dbPath, migrationsDir });
    const db = new Database(dbPath);
    db.prepare("INSERT INTO User (id, name, role, passphraseHash) VALUES ('u1', 'Ada', 'learner', 'x')").run();
    db.close();
    addMigration("29990101000000_good", 'CREATE TABLE "Good" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    addMigration("29990102000000_broken", 'CREATE TABLE "Half" ("id" TEXT);\nTHIS IS NOT SQL;\n');
    const error = await applyPendingMigrations({ dbPath, migrationsDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe("29990102000000_broken");
    expect((error as Error).message).toContain("29990102000000_broken");
    expect(tables(dbPath)).not.toContain("Good");
    expect(tables(dbPath)).not.toContain("Half");
    expect(listAppliedMigrations(dbPath)).toEqual(shipped());
    expect(new Database(dbPath, { readonly: true }).prepare("SELECT name FROM User").get()).toEqual({ name: "Ada" });
  });

  it("removes a database it was creating when a migration fails", async () => {
    addMigration("29990102000000_broken", "NOT SQL AT ALL;\n");
    await expect(applyPendingMigrations({ dbPath, migrationsDir })).rejects.toThrow(/29990102000000_broken/);
    expect(existsSync(dbPath)).toBe(false);
  });
});

/** Copies of the PostgreSQL migrations and schema, and the test server to diff on. */
function postgresSide() {
  const side = { serverUrl: inject("postgresAdminUrl"), migrationsDir: path.join(dir, "pg-migrations"), schemaPath: path.join(dir, "pg-schema.prisma") };
  cpSync(POSTGRES_MIGRATIONS_DIR, side.migrationsDir, { recursive: true });
  cpSync(POSTGRES_SCHEMA_PATH, side.schemaPath);
  return side;
}

describe.skipIf(!inject("postgresAdminUrl"))("createMigration", () => {
  it("returns null when the schema matches the migrations", async () => {
    expect(await createMigration({ name: "nothing", migrationsDir, postgres: postgresSide() })).toBeNull();
  });

  it("writes the SQL that takes the migrations to a changed schema", async () => {
    const schemaPath = path.join(dir, "schema.prisma");
    writeFileSync(schemaPath, `${readFileSync(SCHEMA_PATH, "utf8")}\nmodel Extra {\n  id String @id\n}\n`);
    const postgres = postgresSide();
    const created = await createMigration({ name: "add_extra", migrationsDir, schemaPath, postgres, now: new Date("2999-01-01T00:00:00Z") });
    expect(created).toBe(path.join(migrationsDir, "29990101000000_add_extra"));
    expect(readFileSync(path.join(created!, "migration.sql"), "utf8")).toMatch(/CREATE TABLE "Extra"/);
    // The same change for PostgreSQL, beside it, and the derived PostgreSQL schema moves on with it.
    const postgresSql = readFileSync(path.join(postgres.migrationsDir, "29990101000000_add_extra", "migration.sql"), "utf8");
    expect(postgresSql).toMatch(/CREATE TABLE "Extra" \(\s+"id" TEXT NOT NULL,\s+CONSTRAINT "Extra_pkey" PRIMARY KEY \("id"\)/);
    expect(readFileSync(postgres.schemaPath, "utf8")).toMatch(/model Extra \{/);
  });

  it("refuses a name with characters a folder name should not have", async () => {
    await expect(createMigration({ name: "Bad Name", migrationsDir, postgres: postgresSide() })).rejects.toThrow(/a-z, 0-9 and _/);
  });
});
