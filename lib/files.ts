// Uploaded files: stored once by their SHA-256 and found again by checksum alone (a stored path is
// never trusted). Where the bytes are kept is chosen by the database (`fileStore`):
// - SQLite, one install on one machine: in `<data folder>/files/<xx>/<sha256>`, never read from
//   outside that folder. The backup archive carries the folder beside the database file.
// - PostgreSQL, a team server with several app instances: in the StoredFile table, so that every
//   instance reads what any instance stored, and the database's own backups (which are the team's
//   backups) hold the files with the rows that point to them.
import { createHash, randomUUID } from "node:crypto";
import { access, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { db } from "./db";
import { dataDir, dialect, type Dialect } from "./env";
import { AppError } from "./errors";
import { fileLimitMessage, megabytes } from "./security/file-size";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const SHA256 = /^[0-9a-f]{64}$/;

/** Where the bytes of uploaded files are kept; both take checksums already checked by `storedPath`. */
export type FileStore = {
  /** Named in the error when a file is missing, e.g. "the files folder". */
  place: string;
  /** Keeps the bytes under their checksum, unless bytes with that checksum are kept already. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes kept under the checksum, or null when there are none. */
  get(sha256: string): Promise<Buffer | null>;
};

export function filesDir(): string {
  return path.join(dataDir(), "files");
}

/** Where the file with this checksum is stored, relative to the files folder: `<xx>/<sha256>`. */
export function storedPath(sha256: string): string {
  if (!SHA256.test(sha256)) throw new AppError("invalid", "Not a SHA-256 checksum.", { sha256: "64 lowercase hex digits" });
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** The absolute path of a stored file, checked to lie inside the files folder. */
function absolutePath(sha256: string): string {
  const root = path.resolve(filesDir());
  const target = path.resolve(root, storedPath(sha256));
  if (!target.startsWith(root + path.sep)) throw new AppError("not-found", "No such file.", { sha256: "unknown file" });
  return target;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** The files folder: each file written to a temporary name, then renamed into place, so no reader sees half a file. */
export const folderStore: FileStore = {
  place: "the files folder",
  async put(sha256, bytes) {
    const target = absolutePath(sha256);
    try {
      await access(target);
      return;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    await writeFile(temp, bytes, { flush: true });
    await rename(temp, target);
  },
  async get(sha256) {
    try {
      return await readFile(absolutePath(sha256));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },
};

/** The StoredFile table, through the open transaction if there is one (a learner import stores its files with its rows). */
export const databaseStore: FileStore = {
  place: "the database",
  async put(sha256, bytes) {
    const client = await db();
    // Asked first so that a file uploaded again is not sent to the database again.
    if (await client.storedFile.findUnique({ where: { sha256 }, select: { sha256: true } })) return;
    // An upsert, not a create: when two instances store the same file at once, the second finds
    // the row in place instead of failing on the key (which on PostgreSQL would also abort the
    // transaction it runs in). The copy is the Uint8Array over a plain ArrayBuffer Prisma takes.
    await client.storedFile.upsert({
      where: { sha256 },
      create: { sha256, bytes: new Uint8Array(bytes), size: bytes.byteLength },
      update: { size: bytes.byteLength },
      select: { sha256: true },
    });
  },
  async get(sha256) {
    const row = await (await db()).storedFile.findUnique({ where: { sha256 }, select: { bytes: true } });
    return row ? Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
  },
};

/** The store of this install: the files folder beside a SQLite database, the database itself on PostgreSQL. */
export function fileStore(kind: Dialect = dialect()): FileStore {
  return kind === "sqlite" ? folderStore : databaseStore;
}

/** Stores bytes under their checksum (once: storing the same bytes again changes nothing). */
export async function storeFile(bytes: Uint8Array): Promise<{ sha256: string; relative: string }> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new AppError("too-large", `The file is larger than ${megabytes(MAX_FILE_BYTES)}, the most a file may be.`, {
      file: fileLimitMessage(MAX_FILE_BYTES),
    });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const relative = storedPath(sha256);
  await fileStore().put(sha256, bytes);
  return { sha256, relative };
}

/** The bytes of a stored file, by checksum; a missing file is "not found", never another file. */
export async function readStoredFile(sha256: string): Promise<Buffer> {
  storedPath(sha256); // refuses anything but a checksum before a store is asked
  const store = fileStore();
  const bytes = await store.get(sha256);
  if (!bytes) throw new AppError("not-found", `The file is missing from ${store.place}.`, { sha256: "missing" });
  return bytes;
}

/**
 * A file's name as shown and offered for download: no folders, no control characters (NUL,
 * CR/LF and the rest), not empty.
 */
export const FileNameSchema = z
  .string({ error: "choose a file" })
  .trim()
  .min(1, "choose a file")
  .max(200, "keep the file name under 200 characters")
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "a file name cannot hold control characters (such as line breaks)")
  .refine((name) => !/[/\\]/.test(name), "a file name cannot hold / or \\")
  .refine((name) => name !== "." && name !== "..", "choose a file with a name");
