// Bundles the mastery command (lib/cli/main.ts and everything it imports) into one JavaScript
// file with esbuild, at install (postinstall) and whenever bin/mastery.js finds the bundle missing
// or a source changed since. `node bin/build-cli.js [--out FILE]` builds it now.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const ENTRY = path.join(ROOT, "lib", "cli", "main.ts");
export const BUNDLE = path.join(ROOT, "dist", "cli", "mastery.js");

/** The file beside the bundle that lists every source it was built from, with that source's mtime. */
const inputsFile = (bundle) => bundle.replace(/\.js$/, ".inputs.json");

function mtime(file) {
  try {
    return statSync(path.resolve(ROOT, file)).mtimeMs;
  } catch {
    return null;
  }
}

/** Whether the bundle exists and none of its sources has changed (or gone) since it was built. */
export function isFresh(bundle = BUNDLE) {
  if (!existsSync(bundle) || !existsSync(inputsFile(bundle))) return false;
  const inputs = JSON.parse(readFileSync(inputsFile(bundle), "utf8"));
  return Object.entries(inputs).every(([file, built]) => mtime(file) === built);
}

/** Writes a file whole or not at all, so a command starting meanwhile never reads half of it. */
function writeAtomically(file, contents) {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

/** Builds the bundle; returns the sources it was made from (paths relative to the project). */
export async function buildCli(bundle = BUNDLE) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    absWorkingDir: ROOT,
    outfile: bundle,
    write: false,
    metafile: true,
    minify: true,
    logLevel: "warning",
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, mtime(file)]));
  mkdirSync(path.dirname(bundle), { recursive: true });
  writeAtomically(bundle, result.outputFiles[0].contents);
  writeAtomically(inputsFile(bundle), `${JSON.stringify(inputs, null, 2)}\n`);
  return Object.keys(inputs);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const out = process.argv.indexOf("--out");
  await buildCli(out === -1 ? BUNDLE : path.resolve(process.argv[out + 1]));
}
