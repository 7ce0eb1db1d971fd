// What changed between two versions of a file item: for a short UTF-8 text file, a line diff of
// the stored files; for anything else (an image, an archive, a large log) only that it changed.
import { type DiffLine, diffLines } from "../diff";
import { readStoredFile } from "../files";

/** Text files larger than this are not diffed on the page. */
const MAX_DIFF_BYTES = 256 * 1024;
const TEXT_NAME =
  /\.(md|markdown|txt|log|json|jsonl|ya?ml|toml|csv|tsv|ts|tsx|js|jsx|mjs|cjs|py|rb|go|rs|sh|bash|sql|html|css|xml|diff|patch|ini|cfg|conf)$/i;

/** The bytes as text when the file is a text file (by type or name) that decodes as UTF-8 without NULs; else null. */
export function textOf(bytes: Uint8Array, fileName: string, fileType: string | null): string | null {
  const texty = /^text\/|^application\/(json|x-ndjson|xml|x-yaml|yaml|x-sh)/.test(fileType ?? "") || TEXT_NAME.test(fileName);
  if (!texty || bytes.byteLength > MAX_DIFF_BYTES || bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

type FileVersion = { sha256: string | null; fileName: string | null; fileType: string | null };

/** The line diff from one stored file version to the next, or null when either is not short text. */
export async function fileVersionDiff(before: FileVersion, after: FileVersion): Promise<DiffLine[] | null> {
  if (!before.sha256 || !after.sha256) return null;
  const [old, now] = await Promise.all([readStoredFile(before.sha256), readStoredFile(after.sha256)]);
  const oldText = textOf(old, before.fileName ?? "", before.fileType);
  const newText = textOf(now, after.fileName ?? "", after.fileType);
  return oldText === null || newText === null ? null : diffLines(oldText, newText);
}
