// Decides whether the production build is stale (a hash of every input of `next build`) and
// rebuilds only then.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
/**
 * The static file `npm run bench` writes into public/ while it runs (its ceiling): not an input of
 * the build, so a bench run's server does not build again.
 */
export const BENCH_CEILING_FILE = "bench-ceiling.html";
const SKIP = new Set(["node_modules", ".next", "generated", BENCH_CEILING_FILE]);
const STAMP_FILE = path.join(".next", "mastery-build-stamp");

function* filesOf(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(entry).sort()) {
    if (!SKIP.has(child) && !/\.test\.tsx?$/.test(child)) yield* filesOf(path.join(entry, child));
  }
}

export function buildInputsHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of filesOf(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP_FILE);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === buildInputsHash(root);
}

/** Runs `next build` when the sources changed since the last build; exits the process if it fails. */
export function buildIfStale(): void {
  if (buildIsCurrent()) return;
  console.log("Building the app (sources changed since the last build)…");
  const hash = buildInputsHash();
  const build = spawnSync(path.resolve("node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP_FILE, hash);
}
