// A program's kit on the learner's machine: the files the API sends, checked against their
// checksums and confined to the folder they are written into; `files/` goes into the practice
// repository (never overwriting a different file unless forced), the whole kit into a folder of
// its own while checks run.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A kit file as the API answers it. */
export type KitFileAnswer = { path: string; executable: boolean; size: number; sha256: string; contentBase64: string };

export type KitFile = { path: string; executable: boolean; sha256: string; bytes: Buffer };

/** The folder of the kit whose files are copied into the practice repository. */
const KIT_FILES_FOLDER = "files/";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A relative path of plain names: no absolute path, no `..`, no empty or dot segment. */
function isConfined(relative: string): boolean {
  return (
    relative.length > 0 && !relative.startsWith("/") && relative.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}

/** The answer's files as bytes; throws when a path could leave its folder or a checksum does not match. */
export function decodeKit(files: KitFileAnswer[]): KitFile[] {
  return files.map((file) => {
    if (!isConfined(file.path)) throw new Error(`The kit file path "${file.path}" is not a plain relative path.`);
    const bytes = Buffer.from(file.contentBase64, "base64");
    if (sha256(bytes) !== file.sha256) throw new Error(`The kit file ${file.path} arrived damaged: its checksum does not match.`);
    return { path: file.path, executable: file.executable, sha256: file.sha256, bytes };
  });
}

function write(dir: string, file: KitFile, relative: string): void {
  const target = path.join(dir, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.bytes);
  chmodSync(target, file.executable ? 0o755 : 0o644);
}

export type KitWrite = { path: string; outcome: "written" | "unchanged" | "overwritten" | "differs" };

/**
 * What writing the kit's `files/` into `dir` does to each file, by path. A file that exists with other
 * content is "differs" (refused) unless `force`, then "overwritten".
 */
export function planKitFiles(dir: string, kit: KitFile[], force: boolean): KitWrite[] {
  return kit
    .filter((file) => file.path.startsWith(KIT_FILES_FOLDER))
    .map((file): KitWrite => {
      const relative = file.path.slice(KIT_FILES_FOLDER.length);
      const target = path.join(dir, relative);
      if (!existsSync(target)) return { path: relative, outcome: "written" };
      const same = statSync(target).isFile() && sha256(readFileSync(target)) === file.sha256;
      return { path: relative, outcome: same ? "unchanged" : force ? "overwritten" : "differs" };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes the planned files (all of them, or none while one differs), keeping the executable bit. */
export function writeKitFiles(dir: string, kit: KitFile[], plan: KitWrite[]): void {
  if (plan.some((w) => w.outcome === "differs")) throw new Error("Refusing to overwrite files that differ from the kit.");
  const byPath = new Map(kit.map((file) => [file.path.slice(KIT_FILES_FOLDER.length), file]));
  for (const w of plan) {
    const file = byPath.get(w.path)!;
    if (w.outcome === "unchanged") chmodSync(path.join(dir, w.path), file.executable ? 0o755 : 0o644);
    else write(dir, file, w.path);
  }
}

/** The whole kit in a fresh temporary folder, for $MASTERY_KIT while checks run; `remove` deletes it. */
export function materializeKit(kit: KitFile[]): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "mastery-kit-"));
  for (const file of kit) write(dir, file, file.path);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
