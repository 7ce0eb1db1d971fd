// Backup archives: an online, consistent copy of the SQLite file (SQLite's backup API, safe
// while the app writes) and the uploaded files, streamed into one zip with a manifest of
// SHA-256 checksums and the manifest's signature with this install's key (signature.ts), plus a
// `<archive>.sha256` file in sha256sum's format. The secrets folder is never part of an archive.
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";
import { backupSigningKey } from "../auth/secrets";
import { SIGNATURE_ENTRY, signManifest } from "./signature";

export const BACKUP_FORMAT = "mastery-backup";
export const BACKUP_VERSION = 1;
const DATABASE_ENTRY = "mastery.db";
export const MANIFEST_ENTRY = "manifest.json";
const CHUNK = 1024 * 1024;

export type ManifestEntry = { path: string; bytes: number; sha256: string };
export type Manifest = { format: typeof BACKUP_FORMAT; version: number; createdAt: string; reason: string; database: ManifestEntry; files: ManifestEntry[] };
export type BackupResult = { archive: string; sha256: string; bytes: number; files: number; keyId: string };
/** `secretsDir` holds the signing key (`backup.key`); it is read, never archived. */
export type BackupPlaces = { dbPath: string; filesDir: string; backupsDir: string; secretsDir: string };

/** Reads a file in chunks, handing each to `onChunk`; returns its size and SHA-256. */
export function streamFile(file: string, onChunk: (chunk: Uint8Array) => void = () => {}): Omit<ManifestEntry, "path"> {
  const hash = createHash("sha256");
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(CHUNK);
  let bytes = 0;
  try {
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null)) {
      const chunk = new Uint8Array(buffer.subarray(0, read));
      hash.update(chunk);
      onChunk(chunk);
      bytes += read;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest("hex") };
}

function listFiles(root: string, relative = ""): string[] {
  const dir = path.join(root, relative);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) return listFiles(root, child);
      return entry.isFile() ? [child] : [];
    });
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

/** The database as of one instant, via SQLite's online backup API. */
async function snapshotDatabase(dbPath: string, target: string): Promise<void> {
  const source = new Database(dbPath, { fileMustExist: true, readonly: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
}

/**
 * Writes `backup-<timestamp>[-reason].zip` and its `.sha256` into `backupsDir`. The archive
 * appears under its final name only once complete (written beside it, then renamed).
 */
export async function createBackup(places: BackupPlaces, options: { reason?: string; now?: Date } = {}): Promise<BackupResult> {
  const { reason = "manual", now = new Date() } = options;
  const key = backupSigningKey(places.secretsDir);
  mkdirSync(places.backupsDir, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), "mastery-backup-"));
  const name = `backup-${stampOf(now)}-${reason.replace(/[^a-z0-9-]/gi, "")}.zip`;
  const archive = path.join(places.backupsDir, name);
  const partial = `${archive}.partial`;
  const fd = openSync(partial, "w", 0o600);
  try {
    const snapshot = path.join(scratch, DATABASE_ENTRY);
    await snapshotDatabase(places.dbPath, snapshot);
    const failures: Error[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) failures.push(error);
      else writeSync(fd, chunk);
    });
    const add = (entryName: string, file: string, compress: boolean): ManifestEntry => {
      const entry = compress ? new ZipDeflate(entryName, { level: 6 }) : new ZipPassThrough(entryName);
      zip.add(entry);
      const summary = streamFile(file, (chunk) => entry.push(chunk));
      entry.push(new Uint8Array(0), true);
      return { path: entryName, ...summary };
    };
    const database = add(DATABASE_ENTRY, snapshot, true);
    // Uploaded files are stored under their SHA-256 and are often compressed already.
    const files = listFiles(places.filesDir).map((relative) => add(`files/${relative}`, path.join(places.filesDir, relative), false));
    const manifest: Manifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), reason, database, files };
    const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
    const manifestEntry = new ZipDeflate(MANIFEST_ENTRY);
    zip.add(manifestEntry);
    manifestEntry.push(manifestBytes, true);
    const signature = signManifest(manifestBytes, key);
    const signatureEntry = new ZipDeflate(SIGNATURE_ENTRY);
    zip.add(signatureEntry);
    signatureEntry.push(strToU8(`${JSON.stringify(signature, null, 2)}\n`), true);
    zip.end();
    if (failures[0]) throw failures[0];
    closeSync(fd);
    const { bytes, sha256 } = streamFile(partial);
    renameSync(partial, archive);
    writeChecksum(archive, sha256);
    return { archive, sha256, bytes, files: files.length, keyId: signature.keyId };
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed after a successful write
    }
    rmSync(partial, { force: true });
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeChecksum(archive: string, sha256: string): void {
  const fd = openSync(`${archive}.sha256`, "w", 0o600);
  try {
    writeSync(fd, `${sha256}  ${path.basename(archive)}\n`);
  } finally {
    closeSync(fd);
  }
}

export type BackupListing = { archive: string; name: string; bytes: number; createdAt: Date };

/** Backup archives in `backupsDir`, newest first. */
export function listBackups(backupsDir: string): BackupListing[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir)
    .filter((name) => /^backup-.+\.zip$/.test(name))
    .map((name) => {
      const archive = path.join(backupsDir, name);
      const stat = statSync(archive);
      return { archive, name, bytes: stat.size, createdAt: stat.mtime };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Deletes all but the newest `keep` archives (and their checksum files); returns what it removed. */
export function pruneBackups(backupsDir: string, keep: number): string[] {
  const stale = listBackups(backupsDir).slice(Math.max(keep, 1));
  for (const { archive } of stale) {
    rmSync(archive, { force: true });
    rmSync(`${archive}.sha256`, { force: true });
  }
  return stale.map((item) => item.archive);
}
