import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyPendingMigrations } from "../../prisma/migrator";
import { createBackup, listBackups, pruneBackups, type BackupPlaces } from "./archive";
import { restoreBackup, RestoreError, verifyBackup } from "./restore";
import { isBackupDue } from "./schedule";

let dir: string;
let places: BackupPlaces;

const settings = (file: string) =>
  (new Database(file, { readonly: true }).prepare("SELECT key, value FROM Setting ORDER BY key").all() as { key: string; value: string }[]).map(
    (r) => `${r.key}=${r.value}`,
  );

function write(file: string, key: string, value: string) {
  const database = new Database(file);
  database.prepare("INSERT INTO Setting (key, value) VALUES (?, ?)").run(key, value);
  database.close();
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "backup-test-"));
  places = { dbPath: path.join(dir, "data", "mastery.db"), filesDir: path.join(dir, "data", "files"), backupsDir: path.join(dir, "data", "backups") };
  await applyPendingMigrations({ dbPath: places.dbPath });
  write(places.dbPath, "kept", "before backup");
  mkdirSync(path.join(places.filesDir, "ab"), { recursive: true });
  writeFileSync(path.join(places.filesDir, "ab", "abcdef"), "uploaded bytes ✓");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("createBackup", () => {
  it("writes a zip with the database, the files, a manifest and a sha256sum-style checksum file", async () => {
    const result = await createBackup(places, { now: new Date("2026-11-21T10:00:00Z") });
    expect(path.basename(result.archive)).toBe("backup-2026-11-21T10-00-00-000Z-manual.zip");
    expect(result.files).toBe(1);
    expect(readFileSync(`${result.archive}.sha256`, "utf8")).toBe(`${result.sha256}  ${path.basename(result.archive)}\n`);
    expect(statSync(result.archive).mode & 0o777).toBe(0o600);
    const scratch = path.join(dir, "verify");
    const { manifest } = await verifyBackup(result.archive, scratch);
    expect(manifest.files.map((f) => f.path)).toEqual(["files/ab/abcdef"]);
    expect(settings(path.join(scratch, manifest.database.path))).toContain("kept=before backup");
  });

  it("takes a consistent copy while another connection keeps writing", async () => {
    const writer = new Database(places.dbPath);
    writer.pragma("journal_mode = WAL");
    const insert = writer.prepare("INSERT INTO Setting (key, value) VALUES (?, ?)");
    let i = 0;
    const timer = setInterval(() => writer.transaction(() => [0, 1, 2].forEach(() => insert.run(`row-${i++}`, "x")))(), 1);
    const result = await createBackup(places);
    clearInterval(timer);
    writer.close();
    const scratch = path.join(dir, "verify");
    const { manifest } = await verifyBackup(result.archive, scratch);
    const rows = settings(path.join(scratch, manifest.database.path)).filter((r) => r.startsWith("row-"));
    expect(rows.length % 3).toBe(0);
  });
});

describe("restoreBackup", () => {
  it("puts the database back, keeps the current one aside and adds missing files", async () => {
    const { archive } = await createBackup(places);
    write(places.dbPath, "later", "after backup");
    rmSync(places.filesDir, { recursive: true });
    const result = await restoreBackup(archive, places);
    expect(settings(places.dbPath)).toContain("kept=before backup");
    expect(settings(places.dbPath)).not.toContain("later=after backup");
    expect(result.keptAside && settings(result.keptAside)).toContain("later=after backup");
    expect(readFileSync(path.join(places.filesDir, "ab", "abcdef"), "utf8")).toBe("uploaded bytes ✓");
    expect(result.filesRestored).toBe(1);
  });

  it("refuses a damaged archive and changes nothing", async () => {
    const { archive } = await createBackup(places);
    const bytes = readFileSync(archive);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(archive, bytes);
    write(places.dbPath, "later", "after backup");
    await expect(restoreBackup(archive, places)).rejects.toThrow(/does not match its checksum: the archive is damaged/);
    expect(settings(places.dbPath)).toContain("later=after backup");
    expect(existsSync(places.backupsDir) && listBackups(places.backupsDir).length).toBe(1);
  });

  it("refuses an archive without its checksum file", async () => {
    const { archive } = await createBackup(places);
    rmSync(`${archive}.sha256`);
    await expect(restoreBackup(archive, places)).rejects.toThrow(RestoreError);
  });

  it("refuses a zip that is not a Mastery backup, or one whose database fails the integrity check", async () => {
    const foreign = path.join(dir, "foreign.zip");
    const sealed = (file: string, entries: Record<string, Uint8Array>) => {
      const bytes = zipSync(entries);
      writeFileSync(file, bytes);
      writeFileSync(`${file}.sha256`, `${createHash("sha256").update(bytes).digest("hex")}  ${path.basename(file)}\n`);
    };
    sealed(foreign, { "notes.txt": strToU8("hello") });
    await expect(restoreBackup(foreign, places)).rejects.toThrow(/no manifest.json/);

    const garbage = strToU8("this is not a database".repeat(200));
    const digest = createHash("sha256").update(garbage).digest("hex");
    const manifest = { format: "mastery-backup", version: 1, createdAt: "x", reason: "manual", database: { path: "mastery.db", bytes: garbage.length, sha256: digest }, files: [] };
    const broken = path.join(dir, "broken.zip");
    sealed(broken, { "mastery.db": garbage, "manifest.json": strToU8(JSON.stringify(manifest)) });
    await expect(restoreBackup(broken, places)).rejects.toThrow(/backed-up database/);

    const traversal = path.join(dir, "traversal.zip");
    sealed(traversal, { "../escape.txt": strToU8("x") });
    await expect(restoreBackup(traversal, places)).rejects.toThrow(/unsafe entry name/);
    expect(existsSync(path.join(dir, "escape.txt"))).toBe(false);
    expect(settings(places.dbPath)).toContain("kept=before backup");
  });
});

describe("keeping backups", () => {
  it("prunes all but the newest N and says when one is due", async () => {
    for (const hour of [1, 2, 3]) await createBackup(places, { now: new Date(`2026-11-2${hour}T10:00:00Z`) });
    const removed = pruneBackups(places.backupsDir, 2);
    expect(removed.map((f) => path.basename(f))).toEqual(["backup-2026-11-21T10-00-00-000Z-manual.zip"]);
    expect(listBackups(places.backupsDir).map((b) => b.name)).toEqual([
      "backup-2026-11-23T10-00-00-000Z-manual.zip",
      "backup-2026-11-22T10-00-00-000Z-manual.zip",
    ]);
    expect(isBackupDue(places, 24)).toBe(false);
    expect(isBackupDue(places, 24, new Date(Date.now() + 25 * 3_600_000))).toBe(true);
    expect(isBackupDue(places, 0)).toBe(false);
  });
});
