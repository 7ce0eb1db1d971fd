// `npm run bench`: measures content loading, search, the module page's server time and the
// JavaScript a module page sends, against a production build on 127.0.0.1. Prints a table
// and writes bench-results/latest.{json,md}; then runs the feature benchmarks in scripts/bench/
// (ExecPlan checker; library exports and pages; dashboard and status report), each against a
// seeded database of its own.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadContent } from "../lib/content/loader";
import { searchContent } from "../lib/content/search";
import { buildIfStale } from "./build-stamp";
import { percentile, waitForServer } from "./bench/server";

const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = 300;
const MODULE_PAGE = "/programs/codex-mastery/modules/quality";

type Row = { metric: string; value: string };
const rows: Row[] = [];
const figures: Record<string, number> = {};
const record = (metric: string, value: number, unit: string, digits = 2) => {
  figures[metric] = value;
  rows.push({ metric, value: `${value.toFixed(digits)} ${unit}` });
};

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const result = fn();
  return [result, performance.now() - started];
}

// Content load and search, in this process.
const root = path.resolve("content");
const [content, coldMs] = time(() => loadContent(root));
const warm = Array.from({ length: 10 }, () => time(() => loadContent(root))[1]);
record("content load, first (ms)", coldMs, "ms");
record("content load, median of 10 (ms)", percentile(warm, 50), "ms");
const queries = ["context budget", "bisect", "handoff note", "parallel", "ExecPlan", "hook", "rollback", "review checklist"];
searchContent(content, "warm up the index");
const searchTimes = Array.from({ length: 25 }, () => queries.map((q) => time(() => searchContent(content, q))[1])).flat();
record("search median (ms)", percentile(searchTimes, 50), "ms", 3);
record("search p95 (ms)", percentile(searchTimes, 95), "ms", 3);

// The server: a production build started against a scratch database.
buildIfStale();
const scratch = mkdtempSync(path.join(tmpdir(), "mastery-bench-"));
const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
  env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", DATABASE_URL: `file:${path.join(scratch, "bench.db")}`, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "ignore",
});

try {
  await waitForServer(BASE);
  for (let i = 0; i < 20; i++) await (await fetch(BASE + MODULE_PAGE)).text();
  const pageTimes: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(BASE + MODULE_PAGE);
    await response.text();
    pageTimes.push(performance.now() - started);
  }
  record(`module page median over ${REQUESTS} requests (ms)`, percentile(pageTimes, 50), "ms");
  record(`module page p95 over ${REQUESTS} requests (ms)`, percentile(pageTimes, 95), "ms");

  const html = await (await fetch(BASE + MODULE_PAGE)).text();
  // Modern browsers skip `nomodule` scripts (the legacy polyfills), so they are not counted.
  const scripts = [...html.matchAll(/<script([^>]+)src="([^"]+)"([^>]*)>/g)].filter((m) => !/\bnomodule\b/i.test(m[1]! + m[3]!)).map((m) => m[2]!);
  let jsGzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    jsGzip += gzipSync(body).length;
  }
  const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/g)?.join("") ?? "";
  record("module page JavaScript files (gzip KB)", jsGzip / 1024, "KB", 1);
  record("module page inline scripts incl. RSC payload (gzip KB)", gzipSync(inline).length / 1024, "KB", 1);
  record("module page HTML (gzip KB)", gzipSync(html).length / 1024, "KB", 1);
} finally {
  server.kill("SIGTERM");
  rmSync(scratch, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r.metric.length));
const table = ["| metric | value |", "|---|---|", ...rows.map((r) => `| ${r.metric} | ${r.value} |`)].join("\n");
console.log(rows.map((r) => `${r.metric.padEnd(width)}  ${r.value}`).join("\n"));
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/latest.json", JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
writeFileSync("bench-results/latest.md", `${table}\n`);
// The feature benchmarks, each with its own seeded database and server.
for (const name of ["execplan-check", "library", "dashboard"]) {
  console.log(`\n── scripts/bench/${name}.ts ──`);
  const run = spawnSync(path.resolve("node_modules/.bin/tsx"), [`scripts/bench/${name}.ts`], { stdio: "inherit" });
  if (run.status !== 0) process.exitCode = 1;
}
process.exit(process.exitCode ?? 0);
