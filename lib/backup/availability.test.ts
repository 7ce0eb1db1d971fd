// The one rule for the app's own backups: made on SQLite; on PostgreSQL refused with the reason by
// the backup places every backup and restore starts from, and by `npm run backup` and `npm run restore`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { inAppBackups } from "./availability";

const scratch = mkdtempSync(path.join(tmpdir(), "backup-availability-test-"));
const POSTGRES_URL = "postgresql://127.0.0.1:1/none";
const REASON = (inAppBackups("postgresql") as { reason: string }).reason;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The backup places of an install whose database is `url`, read by a fresh copy of the modules. */
async function placesOn(url: string) {
  vi.stubEnv("DATABASE_URL", url);
  vi.resetModules();
  const { backupPlaces } = await import("./places");
  const { inAppBackups: ofThisInstall } = await import("./availability");
  return { backups: ofThisInstall(), places: () => backupPlaces() };
}

describe("inAppBackups", () => {
  it("are made on SQLite", () => {
    expect(inAppBackups("sqlite")).toEqual({ available: true });
  });

  it("are not made on PostgreSQL, whose own backups hold the uploaded files too; the reason says where to read on", () => {
    expect(inAppBackups("postgresql")).toEqual({ available: false, reason: REASON });
    expect(REASON).toMatch(/^This install keeps its data in PostgreSQL, uploaded files included, so its backups are the database's own/);
    expect(REASON).toContain("“Team server” in the README");
  });

  it("follow DATABASE_URL, and the backup places are there only on SQLite", async () => {
    const sqlite = await placesOn(`file:${path.join(scratch, "data", "mastery.db")}`);
    expect(sqlite.backups).toEqual({ available: true });
    expect(sqlite.places().backupsDir).toBe(path.join(scratch, "data", "backups"));

    const postgres = await placesOn(POSTGRES_URL);
    expect(postgres.backups).toEqual({ available: false, reason: REASON });
    expect(postgres.places).toThrow(
      expect.objectContaining({ name: "AppError", code: "refused", message: REASON, reason: "backups-elsewhere" }),
    );
  });
});

describe("the backup commands on PostgreSQL", () => {
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, DATABASE_URL: POSTGRES_URL, MASTERY_DATA_DIR: scratch },
      encoding: "utf8",
    });

  it("npm run backup exits 1 with the reason, in one line, and writes nothing", () => {
    const result = run("scripts/backup.ts");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`No backup taken: ${REASON}\n`);
    expect(result.stdout).toBe("");
    expect(existsSync(path.join(scratch, "backups")) || existsSync(path.join(scratch, "secrets"))).toBe(false);
  });

  it("npm run restore exits 1 with the reason, in one line, whatever it is given", () => {
    for (const args of [[], [path.join(scratch, "backup-2026-03-09-manual.zip")]]) {
      const result = run("scripts/restore.ts", ...args);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`Nothing restored: ${REASON}\n`);
    }
  });
});
