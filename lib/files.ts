// Uploaded files: stored once under the data folder by their SHA-256, found again by checksum
// alone (a stored path is never trusted), and never read from outside the files folder.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { dataDir } from "./env";
import { AppError } from "./errors";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const SHA256 = /^[0-9a-f]{64}$/;

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

/** Stores bytes under their checksum (written to a temporary name, then renamed into place). */
export function storeFile(bytes: Uint8Array): { sha256: string; relative: string } {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const target = absolutePath(sha256);
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, target);
  }
  return { sha256, relative: storedPath(sha256) };
}

/** The bytes of a stored file, by checksum; a missing file is "not found", never another path. */
export async function readStoredFile(sha256: string): Promise<Buffer> {
  try {
    return await readFile(absolutePath(sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not-found", "The file is missing from the files folder.", { sha256: "missing" });
    throw error;
  }
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
