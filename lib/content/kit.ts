// A program's kit (content/<program>/kit/): `files/` is copied into the learner's practice
// repository by `mastery kit init`, `checks/` holds the scripts its exercises' checks run. Read from
// disk on request: regular files only (a link is never followed out of the kit), paths relative to
// the kit with forward slashes, sorted.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Program } from "./loader";

export type KitFile = { path: string; executable: boolean; bytes: Buffer; sha256: string };

function kitDir(program: Program): string {
  return path.join(program.dir, "kit");
}

/** Every regular file of the program's kit; a program without a kit has none. */
export function readKit(program: Program): KitFile[] {
  const root = kitDir(program);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const bytes = readFileSync(file);
      return {
        path: path.relative(root, file).split(path.sep).join("/"),
        executable: (statSync(file).mode & 0o111) !== 0,
        bytes,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
