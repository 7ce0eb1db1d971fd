// Databases for unit tests: copies of the template that test/global-setup.ts migrated once.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

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
  migratedDatabase(dbPath);
  process.env.DATABASE_URL = `file:${dbPath}`;
  afterAll(async () => {
    const { connection } = await import("../lib/db");
    await (await connection()).$disconnect();
    rmSync(scratch, { recursive: true, force: true });
  });
  return { scratch, dbPath };
}
