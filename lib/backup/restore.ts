// Restoring a backup archive: nothing is replaced until the archive's checksum, every entry's
// checksum, the signature (made with this install's key) and SQLite's integrity check have
// passed; the current database is kept aside first. An archive not signed by this install
// (unsigned, another install's, or edited) is refused unless the caller allows it explicitly.
// The signing key and the other secrets stay as they are: a restore never replaces them.
import { createHash } from "node:crypto";
import { closeSync, copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { backupSigningKey } from "../auth/secrets";
import { type EntryReader, readZip, ZipError } from "../zip";
import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST_ENTRY, streamFile, type BackupPlaces, type Manifest } from "./archive";
import { checkSignature, describeUntrusted, SIGNATURE_ENTRY, type SignatureCheck } from "./signature";

export class RestoreError extends Error {
  override name = "RestoreError";
}

/** The archive is intact but not signed by this install; `check.status` says which case it is. */
export class UntrustedBackupError extends RestoreError {
  override name = "UntrustedBackupError";
  constructor(
    readonly check: Exclude<SignatureCheck, { status: "signed" }>,
    archive: string,
  ) {
    super(describeUntrusted(check, archive));
  }
}

const EntrySchema = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  reason: z.string(),
  database: EntrySchema,
  files: z.array(EntrySchema.extend({ path: z.string().startsWith("files/") })),
});

function readChecksum(archive: string): string {
  const file = `${archive}.sha256`;
  if (!existsSync(file)) throw new RestoreError(`No checksum file ${path.basename(file)} beside the archive: refusing to restore an unverified archive.`);
  const hex = readFileSync(file, "utf8").trim().split(/\s+/)[0] ?? "";
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new RestoreError(`${path.basename(file)} does not hold a SHA-256 checksum.`);
  return hex;
}

type Extracted = { dir: string; entries: Map<string, { bytes: number; sha256: string }> };

async function extract(archive: string, dir: string): Promise<Extracted> {
  const entries = new Map<string, { bytes: number; sha256: string }>();
  const write = (name: string): EntryReader => {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    const fd = openSync(target, "w", 0o600);
    const hash = createHash("sha256");
    let bytes = 0;
    return (data, final) => {
      writeSync(fd, data);
      hash.update(data);
      bytes += data.length;
      if (final) {
        closeSync(fd);
        entries.set(name, { bytes, sha256: hash.digest("hex") });
      }
    };
  };
  try {
    await readZip(createReadStream(archive), write);
  } catch (error) {
    throw error instanceof ZipError ? new RestoreError(`The archive ${error.message}.`) : error;
  }
  return { dir, entries };
}

function readManifest({ dir, entries }: Extracted): Manifest {
  if (!entries.has(MANIFEST_ENTRY)) throw new RestoreError(`The archive has no ${MANIFEST_ENTRY}: it is not a Mastery backup.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, MANIFEST_ENTRY), "utf8"));
  } catch {
    throw new RestoreError(`${MANIFEST_ENTRY} is not valid JSON.`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new RestoreError(`${MANIFEST_ENTRY} is not a Mastery backup manifest: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}.`);
  if (parsed.data.version > BACKUP_VERSION) throw new RestoreError(`The backup has format version ${parsed.data.version}; this app reads up to ${BACKUP_VERSION}.`);
  return parsed.data as Manifest;
}

function checkEntries(manifest: Manifest, { entries }: Extracted): void {
  for (const expected of [manifest.database, ...manifest.files]) {
    const found = entries.get(expected.path);
    if (!found) throw new RestoreError(`The archive is missing ${expected.path}, which its manifest lists.`);
    if (found.sha256 !== expected.sha256 || found.bytes !== expected.bytes) throw new RestoreError(`${expected.path} does not match its checksum: the archive is damaged.`);
  }
}

function checkIntegrity(dbFile: string): void {
  let database: Database.Database;
  try {
    database = new Database(dbFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreError(`The backed-up database cannot be opened (${(error as Error).message}).`);
  }
  try {
    const result = database.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new RestoreError(`The backed-up database fails SQLite's integrity check: ${String(result)}.`);
    const migrations = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!migrations) throw new RestoreError("The backed-up database is not a Mastery database (it has no migrations table).");
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`The backed-up database is damaged (${(error as Error).message}).`);
  } finally {
    database.close();
  }
}

function readSignature({ dir, entries }: Extracted, key: string): SignatureCheck {
  const manifestBytes = readFileSync(path.join(dir, MANIFEST_ENTRY));
  const signatureJson = entries.has(SIGNATURE_ENTRY) ? readFileSync(path.join(dir, SIGNATURE_ENTRY), "utf8") : null;
  return checkSignature(manifestBytes, signatureJson, key);
}

export type VerifyOptions = {
  /** This install's signing key (`backupSigningKey()`). */
  key: string;
  /** Accept an archive not signed by this install (the operator checked where it came from). */
  allowUnsigned?: boolean;
};
export type VerifiedBackup = { manifest: Manifest; extracted: Extracted; signature: SignatureCheck };

/**
 * Checks an archive completely, extracting it into a scratch folder: its checksum file, every
 * entry, the signature, then SQLite's integrity check. Throws RestoreError with the reason, or
 * UntrustedBackupError when it is intact but not signed with `key` (unless `allowUnsigned`).
 */
export async function verifyBackup(archive: string, scratch: string, { key, allowUnsigned = false }: VerifyOptions): Promise<VerifiedBackup> {
  if (!existsSync(archive)) throw new RestoreError(`No archive at ${archive}.`);
  const expected = readChecksum(archive);
  if (streamFile(archive).sha256 !== expected) throw new RestoreError(`${path.basename(archive)} does not match its checksum: the archive is damaged.`);
  const extracted = await extract(archive, scratch);
  const manifest = readManifest(extracted);
  checkEntries(manifest, extracted);
  const signature = readSignature(extracted, key);
  if (signature.status !== "signed" && !allowUnsigned) throw new UntrustedBackupError(signature, archive);
  checkIntegrity(path.join(scratch, manifest.database.path));
  return { manifest, extracted, signature };
}

export type RestoreResult = { manifest: Manifest; signature: SignatureCheck; keptAside: string | null; filesRestored: number };

/**
 * Replaces the database (and adds the archive's uploaded files) after `verifyBackup` passes with
 * this install's key (from `places.secretsDir`). The current database is first copied aside to
 * `backupsDir/before-restore-<timestamp>.db`. Run it with the app stopped.
 */
export async function restoreBackup(
  archive: string,
  places: BackupPlaces,
  { allowUnsigned = false, now = new Date() }: { allowUnsigned?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  const scratch = mkdtempSync(path.join(tmpdir(), "mastery-restore-"));
  try {
    const { manifest, signature } = await verifyBackup(archive, scratch, { key: backupSigningKey(places.secretsDir), allowUnsigned });
    let keptAside: string | null = null;
    if (existsSync(places.dbPath)) {
      mkdirSync(places.backupsDir, { recursive: true });
      keptAside = path.join(places.backupsDir, `before-restore-${now.toISOString().replace(/[:.]/g, "-")}.db`);
      const current = new Database(places.dbPath, { fileMustExist: true });
      try {
        await current.backup(keptAside);
      } finally {
        current.close();
      }
    }
    const incoming = `${places.dbPath}.restoring`;
    copyFileSync(path.join(scratch, manifest.database.path), incoming);
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(places.dbPath + suffix, { force: true });
    renameSync(incoming, places.dbPath);
    let filesRestored = 0;
    for (const file of manifest.files) {
      const target = path.join(places.filesDir, file.path.slice("files/".length));
      if (existsSync(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(scratch, file.path), target);
      filesRestored += 1;
    }
    return { manifest, signature, keptAside, filesRestored };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
