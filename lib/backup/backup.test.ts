import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migratedDatabase } from "../../test/database";
import { createBackup, listBackups, pruneBackups, type BackupPlaces } from "./archive";
import { backupSigningKey } from "../auth/secrets";
import { restoreBackup, RestoreError, UntrustedBackupError, verifyBackup } from "./restore";
import { isBackupDue } from "./schedule";
import { keyIdOf, signManifest } from "./signature";

let dir: string;
let places: BackupPlaces;

/** A table of this test's own, created in the database under test, for rows to back up and restore. */
const SCRATCH_TABLE = `CREATE TABLE IF NOT EXISTS "Scratch" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)`;

const scratchRows = (file: string) =>
  (new Database(file, { readonly: true }).prepare(`SELECT key, value FROM "Scratch" ORDER BY key`).all() as { key: string; value: string }[]).map(
    (r) => `${r.key}=${r.value}`,
  );

function write(file: string, key: string, value: string) {
  const database = new Database(file);
  database.exec(SCRATCH_TABLE);
  database.prepare(`INSERT INTO "Scratch" (key, value) VALUES (?, ?)`).run(key, value);
  database.close();
}

const roleOf = (file: string, name: string) => {
  const database = new Database(file, { readonly: true });
  const row = database.prepare("SELECT role FROM User WHERE name = ?").get(name) as { role: string } | undefined;
  database.close();
  return row?.role;
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Writes a zip and a matching sha256sum-style checksum file beside it. */
function sealed(file: string, entries: Record<string, Uint8Array>) {
  const bytes = zipSync(entries);
  writeFileSync(file, bytes);
  writeFileSync(`${file}.sha256`, `${sha256(bytes)}  ${path.basename(file)}\n`);
}

/**
 * Edits an archive the way someone with a text editor and sha256sum would: changes entries,
 * recomputes every checksum in the manifest and the checksum file beside the archive.
 */
function tamper(archive: string, edit: (entries: Record<string, Uint8Array>, scratch: string) => void) {
  const entries = unzipSync(readFileSync(archive));
  const scratch = mkdtempSync(path.join(dir, "tamper-"));
  edit(entries, scratch);
  const manifest = JSON.parse(new TextDecoder().decode(entries["manifest.json"])) as { database: { path: string; bytes: number; sha256: string }; files: { path: string; bytes: number; sha256: string }[] };
  for (const entry of [manifest.database, ...manifest.files]) {
    const bytes = entries[entry.path]!;
    entry.bytes = bytes.length;
    entry.sha256 = sha256(bytes);
  }
  entries["manifest.json"] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  sealed(archive, entries);
}

/** Makes ada a reviewer in the database inside the archive. */
function promoteAda(entries: Record<string, Uint8Array>, scratch: string) {
  const file = path.join(scratch, "mastery.db");
  writeFileSync(file, entries["mastery.db"]!);
  const database = new Database(file);
  database.prepare("UPDATE User SET role = 'reviewer' WHERE name = 'ada'").run();
  database.close();
  entries["mastery.db"] = new Uint8Array(readFileSync(file));
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "backup-test-"));
  places = {
    dbPath: path.join(dir, "data", "mastery.db"),
    filesDir: path.join(dir, "data", "files"),
    backupsDir: path.join(dir, "data", "backups"),
    secretsDir: path.join(dir, "data", "secrets"),
  };
  migratedDatabase(places.dbPath);
  write(places.dbPath, "kept", "before backup");
  const database = new Database(places.dbPath);
  database.prepare("INSERT INTO User (id, name, role, passphraseHash) VALUES ('u1', 'ada', 'learner', 'x')").run();
  database.close();
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
    const { manifest } = await verifyBackup(result.archive, scratch, { key: backupSigningKey(places.secretsDir) });
    expect(manifest.files.map((f) => f.path)).toEqual(["files/ab/abcdef"]);
    expect(scratchRows(path.join(scratch, manifest.database.path))).toContain("kept=before backup");
  });

  it("signs the manifest with a key kept in the secrets folder, which never goes into the archive", async () => {
    const result = await createBackup(places);
    const keyFile = path.join(places.secretsDir, "backup.key");
    const key = readFileSync(keyFile, "utf8");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(result.keyId).toBe(keyIdOf(key));
    const entries = unzipSync(readFileSync(result.archive));
    expect(Object.keys(entries).sort()).toEqual(["files/ab/abcdef", "manifest.json", "mastery.db", "signature.json"]);
    for (const bytes of Object.values(entries)) expect(Buffer.from(bytes).includes(key)).toBe(false);
    const signature = JSON.parse(new TextDecoder().decode(entries["signature.json"])) as unknown;
    expect(signature).toEqual(signManifest(entries["manifest.json"]!, key));
    expect(signature).toMatchObject({ algorithm: "HMAC-SHA256", keyId: result.keyId, signed: "manifest.json" });
    const { signature: check } = await verifyBackup(result.archive, path.join(dir, "verify"), { key });
    expect(check).toEqual({ status: "signed", keyId: result.keyId });
    // The same key signs the next archive.
    expect((await createBackup(places, { now: new Date(Date.now() + 1000) })).keyId).toBe(result.keyId);
  });

  it("takes a consistent copy while another connection keeps writing", async () => {
    const writer = new Database(places.dbPath);
    writer.pragma("journal_mode = WAL");
    writer.exec(SCRATCH_TABLE);
    const insert = writer.prepare(`INSERT INTO "Scratch" (key, value) VALUES (?, ?)`);
    let i = 0;
    const timer = setInterval(() => writer.transaction(() => [0, 1, 2].forEach(() => insert.run(`row-${i++}`, "x")))(), 1);
    const result = await createBackup(places);
    clearInterval(timer);
    writer.close();
    const scratch = path.join(dir, "verify");
    const { manifest } = await verifyBackup(result.archive, scratch, { key: backupSigningKey(places.secretsDir) });
    const rows = scratchRows(path.join(scratch, manifest.database.path)).filter((r) => r.startsWith("row-"));
    expect(rows.length % 3).toBe(0);
  });
});

describe("restoreBackup", () => {
  it("puts the database back, keeps the current one aside and adds missing files", async () => {
    const { archive } = await createBackup(places);
    write(places.dbPath, "later", "after backup");
    rmSync(places.filesDir, { recursive: true });
    const result = await restoreBackup(archive, places);
    expect(result.signature.status).toBe("signed");
    expect(scratchRows(places.dbPath)).toContain("kept=before backup");
    expect(scratchRows(places.dbPath)).not.toContain("later=after backup");
    expect(result.keptAside && scratchRows(result.keptAside)).toContain("later=after backup");
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
    expect(scratchRows(places.dbPath)).toContain("later=after backup");
    expect(existsSync(places.backupsDir) && listBackups(places.backupsDir).length).toBe(1);
  });

  it("refuses an archive without its checksum file", async () => {
    const { archive } = await createBackup(places);
    rmSync(`${archive}.sha256`);
    await expect(restoreBackup(archive, places)).rejects.toThrow(RestoreError);
  });

  it("refuses a zip that is not a Mastery backup, or one whose database fails the integrity check", async () => {
    const foreign = path.join(dir, "foreign.zip");
    sealed(foreign, { "notes.txt": strToU8("hello") });
    await expect(restoreBackup(foreign, places)).rejects.toThrow(/no manifest.json/);

    const garbage = strToU8("this is not a database".repeat(200));
    const digest = createHash("sha256").update(garbage).digest("hex");
    const manifest = { format: "mastery-backup", version: 1, createdAt: "x", reason: "manual", database: { path: "mastery.db", bytes: garbage.length, sha256: digest }, files: [] };
    const broken = path.join(dir, "broken.zip");
    sealed(broken, { "mastery.db": garbage, "manifest.json": strToU8(JSON.stringify(manifest)) });
    // Even an archive the operator chose to trust must pass the integrity check.
    await expect(restoreBackup(broken, places, { allowUnsigned: true })).rejects.toThrow(/backed-up database/);

    const traversal = path.join(dir, "traversal.zip");
    sealed(traversal, { "../escape.txt": strToU8("x") });
    await expect(restoreBackup(traversal, places)).rejects.toThrow(/unsafe entry name/);
    expect(existsSync(path.join(dir, "escape.txt"))).toBe(false);
    expect(scratchRows(places.dbPath)).toContain("kept=before backup");
  });
});

describe("restoring an archive not signed by this install", () => {
  it("refuses an archive edited on purpose with its checksums recomputed, and restores it with allowUnsigned", async () => {
    const { archive } = await createBackup(places);
    tamper(archive, promoteAda);
    write(places.dbPath, "later", "after backup");

    const refused = restoreBackup(archive, places);
    await expect(refused).rejects.toThrow(UntrustedBackupError);
    await expect(refused).rejects.toThrow(/is not signed by this install: its signature names this install's key but does not match the archive's manifest, so the archive was changed after it was signed/);
    await expect(refused).rejects.toThrow(/Its checksums match, but anyone who edits an archive can recompute those/);
    await expect(refused).rejects.toThrow(`npm run restore -- ${archive} --allow-unsigned`);
    expect(roleOf(places.dbPath, "ada")).toBe("learner");
    expect(scratchRows(places.dbPath)).toContain("later=after backup");
    expect(existsSync(places.backupsDir) && readdirSync(places.backupsDir).filter((name) => name.startsWith("before-restore-"))).toEqual([]);

    const result = await restoreBackup(archive, places, { allowUnsigned: true });
    expect(result.signature.status).toBe("altered");
    expect(roleOf(places.dbPath, "ada")).toBe("reviewer");
  });

  it("refuses an unsigned archive (one from before signing, or with its signature removed) and says so", async () => {
    const { archive } = await createBackup(places);
    tamper(archive, (entries) => delete entries["signature.json"]);
    const refused = restoreBackup(archive, places);
    await expect(refused).rejects.toThrow(/is not signed by this install: it carries no signature.json. Archives made before backups were signed have none/);
    await expect(refused).rejects.toThrow(/--allow-unsigned$/);
    await expect(refused).rejects.toMatchObject({ check: { status: "unsigned" } });
    expect((await restoreBackup(archive, places, { allowUnsigned: true })).signature.status).toBe("unsigned");
  });

  it("reports an archive signed with another install's key as foreign, and cannot tell it from an edited one", async () => {
    const elsewhere = { ...places, secretsDir: path.join(dir, "other-install", "secrets") };
    const { archive, keyId } = await createBackup(elsewhere);
    const ownKey = backupSigningKey(places.secretsDir);
    expect(keyId).not.toBe(keyIdOf(ownKey));
    const refused = restoreBackup(archive, places);
    await expect(refused).rejects.toThrow(`is not signed by this install: it is signed with another key (key id ${keyId}; this install's is ${keyIdOf(ownKey)})`);
    await expect(refused).rejects.toThrow(/It may come from another install \(a move to another machine\) or have been edited and signed again with another key; this cannot tell the two apart/);
    await expect(refused).rejects.toMatchObject({ check: { status: "foreign", keyId } });
    await expect(refused).rejects.toThrow(/To trust another install's archives, copy its data\/secrets\/backup.key here before restoring/);

    // Edited and signed again with the editor's own key: the same answer.
    tamper(archive, promoteAda);
    const edited = readFileSync(archive);
    const entries = unzipSync(edited);
    entries["signature.json"] = strToU8(JSON.stringify(signManifest(entries["manifest.json"]!, "a key of the editor's choosing")));
    sealed(archive, entries);
    await expect(restoreBackup(archive, places)).rejects.toMatchObject({ check: { status: "foreign" } });
    // Claiming this install's key id does not help without the key.
    entries["signature.json"] = strToU8(JSON.stringify({ ...signManifest(entries["manifest.json"]!, "a key of the editor's choosing"), keyId: keyIdOf(ownKey) }));
    sealed(archive, entries);
    await expect(restoreBackup(archive, places)).rejects.toMatchObject({ check: { status: "altered" } });

    // Restored anyway: this install keeps its own key and signs its next archives with it.
    await restoreBackup(archive, places, { allowUnsigned: true });
    expect(roleOf(places.dbPath, "ada")).toBe("reviewer");
    expect(backupSigningKey(places.secretsDir)).toBe(ownKey);
    expect((await createBackup(places, { now: new Date(Date.now() + 1000) })).keyId).toBe(keyIdOf(ownKey));
  });

  it("restores another install's archive as signed once its backup.key is copied along", async () => {
    const elsewhere = { ...places, secretsDir: path.join(dir, "other-install", "secrets") };
    const { archive } = await createBackup(elsewhere);
    mkdirSync(places.secretsDir, { recursive: true, mode: 0o700 });
    copyFileSync(path.join(elsewhere.secretsDir, "backup.key"), path.join(places.secretsDir, "backup.key"));
    expect((await restoreBackup(archive, places)).signature.status).toBe("signed");
  });

  it("refuses a signature entry it cannot read", async () => {
    const { archive } = await createBackup(places);
    tamper(archive, (entries) => (entries["signature.json"] = strToU8("{ not json")));
    await expect(restoreBackup(archive, places)).rejects.toThrow(/is not signed by this install: its signature.json is not valid JSON/);
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
