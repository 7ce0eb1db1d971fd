// Databases for unit tests: copies of the template that test/global-setup.ts migrated once. The
// "postgresql" test project (vitest.config.ts) runs the same files on PostgreSQL instead.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { postgresBinDir } from "../scripts/postgres-cluster";
import { databaseUrl, POSTGRES_TEMPLATE } from "./postgres";

/** Whether this test run is the PostgreSQL project's. */
export const onPostgres = process.env.MASTERY_TEST_DATABASE === "postgresql";

/** A fresh copy of the PostgreSQL template, made synchronously (psql) so test files set it up before their imports. */
function copyPostgresTemplate(): string {
  const adminUrl = inject("postgresAdminUrl");
  if (!adminUrl) throw new Error("The PostgreSQL test project runs only where PostgreSQL can start.");
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const psql = path.join(postgresBinDir() ?? "", "psql");
  execFileSync(psql, ["-X", "-q", "-d", adminUrl, "-c", `CREATE DATABASE "${name}" TEMPLATE "${POSTGRES_TEMPLATE}"`], { stdio: "pipe" });
  return databaseUrl(adminUrl, name);
}

/** Puts a migrated, empty database at `dbPath` (making its folder). */
export function migratedDatabase(dbPath: string): void {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  copyFileSync(inject("migratedTemplate"), dbPath);
}

/**
 * A migrated database in a scratch folder of its own, named by DATABASE_URL: call it at the top of
 * a test file, before the file imports lib/db. After the file's tests the client disconnects and
 * the folder goes. `file` is the database's path inside the scratch folder.
 */
export function withTestDatabase(prefix: string, file = "test.db"): { scratch: string; dbPath: string } {
  const scratch = mkdtempSync(path.join(tmpdir(), prefix));
  const dbPath = path.join(scratch, file);
  if (onPostgres) {
    process.env.DATABASE_URL = copyPostgresTemplate();
    process.env.MASTERY_DATA_DIR = scratch;
    process.env.SESSION_SECRET ??= "a session secret that every test instance shares";
  } else {
    migratedDatabase(dbPath);
    process.env.DATABASE_URL = `file:${dbPath}`;
  }
  afterAll(async () => {
    const { connection } = await import("../lib/db");
    await (await connection()).$disconnect();
    rmSync(scratch, { recursive: true, force: true });
  });
  return { scratch, dbPath };
}
