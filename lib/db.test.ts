import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migratedDatabase, withTestDatabase } from "../test/database";

const { scratch } = withTestDatabase("db-test-");
const { connection, db, databasePath, readPragmas } = await import("./db");

/** A table of this test's own for rows to write, created in each database under test. */
const SCRATCH_TABLE = `CREATE TABLE IF NOT EXISTS "Scratch" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)`;

describe("the database module", () => {
  it("takes the file from DATABASE_URL and sets durable pragmas", async () => {
    expect(databasePath()).toBe(path.join(scratch, "test.db"));
    expect(await readPragmas()).toEqual({ journal_mode: "wal", synchronous: "2", foreign_keys: "1", busy_timeout: "5000" });
  });

  it("returns one client per process", async () => {
    expect(await db()).toBe(await db());
  });

  it("keeps queries made outside a transaction out of an open one on the shared connection", async () => {
    const client = await connection();
    await client.$executeRawUnsafe(SCRATCH_TABLE);
    let written!: () => void;
    const hasWritten = new Promise<void>((resolve) => (written = resolve));
    let outsideStarted!: () => void;
    const outsideIsStarted = new Promise<void>((resolve) => (outsideStarted = resolve));
    const rolledBack = client
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "Scratch" (key, value) VALUES ('uncommitted', '1')`);
        written();
        await outsideIsStarted;
        // Queries of the transaction take the same way to the connection as the outside ones,
        // which set off first: by the time these are answered, the outside ones have arrived.
        for (let i = 0; i < 3; i++) await tx.$queryRawUnsafe("SELECT 1");
        throw new Error("roll back");
      })
      .catch(() => "rolled back");
    await hasWritten;
    // Prisma's queries are lazy: then() starts them while the transaction is still open.
    const outsideRead = client.$queryRawUnsafe<unknown[]>(`SELECT * FROM "Scratch" WHERE key = 'uncommitted'`).then((rows) => rows);
    const outsideWrite = client.$executeRawUnsafe(`INSERT INTO "Scratch" (key, value) VALUES ('outside', '1')`).then((count) => count);
    outsideStarted();
    expect(await rolledBack).toBe("rolled back");
    expect(await outsideRead).toEqual([]);
    await outsideWrite;
    expect(await client.$queryRawUnsafe(`SELECT key FROM "Scratch" WHERE key = 'outside'`)).toEqual([{ key: "outside" }]);
  });

  it("loses no acknowledged write when the process is killed mid-way", async () => {
    const dbFile = path.join(scratch, "crash.db");
    migratedDatabase(dbFile);
    const setup = new Database(dbFile);
    setup.exec(SCRATCH_TABLE);
    setup.close();
    const child = path.join(scratch, "writer.mts");
    writeFileSync(
      child,
      `import { connection } from ${JSON.stringify(path.resolve("lib/db.ts"))};
const client = await connection();
for (let i = 0; ; i++) {
  await client.$executeRawUnsafe('INSERT INTO "Scratch" (key, value) VALUES (?, ?)', "write-" + i, String(i));
  console.log("write-" + i);
}
`,
    );
    // One process (no tsx wrapper), so SIGKILL hits the writer itself.
    const proc = spawn(process.execPath, ["--import", "tsx", child], { env: { ...process.env, DATABASE_URL: `file:${dbFile}` } });
    const acknowledged: string[] = [];
    await new Promise<void>((resolve, reject) => {
      proc.on("exit", (code) => reject(new Error(`the writer exited early with code ${code}`)));
      createInterface({ input: proc.stdout }).on("line", (line) => {
        acknowledged.push(line);
        if (acknowledged.length === 50) {
          proc.kill("SIGKILL");
          resolve();
        }
      });
    });
    await new Promise((resolve) => proc.on("exit", resolve));
    expect(proc.signalCode).toBe("SIGKILL");
    const reopened = new Database(dbFile);
    expect(reopened.pragma("integrity_check", { simple: true })).toBe("ok");
    const names = new Set((reopened.prepare(`SELECT key FROM "Scratch"`).all() as { key: string }[]).map((r) => r.key));
    reopened.close();
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
  });

  it("serialises read-then-write transactions from two processes: no lost update, no 'database is locked'", async () => {
    const dbFile = path.join(scratch, "concurrent.db");
    migratedDatabase(dbFile);
    const seed = new Database(dbFile);
    seed.exec(SCRATCH_TABLE);
    seed.prepare(`INSERT INTO "Scratch" (key, value) VALUES ('counter', '0')`).run();
    seed.close();
    const child = path.join(scratch, "incrementer.mts");
    writeFileSync(
      child,
      `import { connection } from ${JSON.stringify(path.resolve("lib/db.ts"))};
const client = await connection();
for (let i = 0; i < 40; i++) {
  await client.$transaction(async (tx) => {
    const [row] = await tx.$queryRawUnsafe<{ value: string }[]>('SELECT value FROM "Scratch" WHERE key = ?', "counter");
    await new Promise((resolve) => setTimeout(resolve, 2));
    await tx.$executeRawUnsafe('UPDATE "Scratch" SET value = ? WHERE key = ?', String(Number(row!.value) + 1), "counter");
  });
}
await client.$disconnect();
`,
    );
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const proc = spawn(process.execPath, ["--import", "tsx", child], { env: { ...process.env, DATABASE_URL: `file:${dbFile}` } });
        let stderr = "";
        proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        proc.on("exit", (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run()]);
    expect(results.map((r) => r.stderr).join("")).not.toMatch(/locked|busy/i);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const reopened = new Database(dbFile, { readonly: true });
    const { value } = reopened.prepare(`SELECT value FROM "Scratch" WHERE key = 'counter'`).get() as { value: string };
    reopened.close();
    expect(value).toBe("80");
  });
});
