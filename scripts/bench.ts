// `npm run bench [-- --compare OLD.json]`: builds the app, seeds a scratch database with the
// large dataset (scripts/bench/seed.ts), starts the production server on 127.0.0.1 and measures
// every main page and three API reads at concurrency 1 and 10 from a second process (each page's
// cost against the app's smallest page, the programs list, in the same run), the HTML and the
// JavaScript each page sends (against the framework's own runtime), Lighthouse scores (three
// mobile runs of each page), exports, content load, search, a large library import over HTTP and
// what other requests wait meanwhile, the `mastery` command's `--help` and `status` as whole
// processes, and the server's peak memory; then the cohort capacity (scripts/bench/cohort.ts).
// Prints the tables and every budget's verdict, writes bench-results/latest.{md,json}, and exits 1
// when a budget is missed. `--skip-cohort` leaves the cohort run out; `--cohort` runs only it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BENCH_CEILING_FILE, buildIfStale } from "./build-stamp";
import { compareResults, evaluateBudgets, FLOOR, type BenchResult, renderMarkdown } from "./bench/report";
import { timeCli } from "./bench/cli";
import { type LoadJob, type LoadResult } from "./bench/load";
import { peakMemory } from "./bench/memory";
import { healthLatenciesDuring, latenciesDuring, percentile, waitForServer } from "./bench/server";
import { importBlocking } from "./bench/import-blocking";
import { measureCohort } from "./bench/cohort";
import { hostileZip } from "../lib/hostile-zip";

if (process.argv.includes("--cohort")) await (await import("./bench/cohort")).runCohortBench();

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
// For trying a change: `--quick` sends fewer requests, `--only dashboard,module` measures only
// those addresses (and the ceiling) and skips Lighthouse. Budgets are judged on full runs.
const quick = process.argv.includes("--quick");
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1]!.split(",") : null;
const REQUESTS = quick ? { 1: 20, 10: 50 } : { 1: 100, 10: 300 };
// The cohort capacity runs after the pages on full runs; `--skip-cohort` leaves it out.
const withCohort = !quick && !only && !process.argv.includes("--skip-cohort");
const LIGHTHOUSE_MOBILE_RUNS = 3;
const compareWith = process.argv.includes("--compare") ? process.argv[process.argv.indexOf("--compare") + 1] : undefined;
if (compareWith !== undefined && !existsSync(compareWith)) {
  console.error(`--compare: no such file ${compareWith ?? "(missing)"}`);
  process.exit(2);
}

const scratch = mkdtempSync(path.join(tmpdir(), "mastery-bench-"));
const serverEnv = {
  ...process.env,
  DATABASE_URL: `file:${path.join(scratch, "bench.db")}`,
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  MASTERY_BACKUP_EVERY_HOURS: "0",
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, serverEnv);
const { applyPendingMigrations } = await import("../prisma/migrator");
const { connection, databasePath } = await import("../lib/db");
const { getProgram } = await import("../lib/content");
const { loadContent } = await import("../lib/content/loader");
const { searchEverything } = await import("../lib/library/search");
const { exportLibraryZip, exportPlaybookMarkdown } = await import("../lib/library/export");
const { statusUpdateMarkdown } = await import("../lib/report/status-update");
const { LARGE, seedLargeDataset, sessionCookie } = await import("./bench/seed");

const figures: BenchResult["figures"] = {};
async function timed(runs: number, work: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}
const summarise = (key: string, times: number[]) => {
  figures[`${key} median (ms)`] = percentile(times, 50);
  figures[`${key} p95 (ms)`] = percentile(times, 95);
};

// Content: the first load reads and validates every file; later loads are what a reload costs.
summarise("content load, first", await timed(1, () => loadContent(path.resolve("content"))));
summarise("content load, again", await timed(10, () => loadContent(path.resolve("content"))));

console.log("Seeding the large dataset…");
await applyPendingMigrations({ dbPath: databasePath() });
const started = performance.now();
const seeded = await seedLargeDataset(LARGE, "bench-passphrase-1");
figures["seed (s)"] = (performance.now() - started) / 1000;
const cookies = {
  learner: await sessionCookie({ id: seeded.userId }, seeded.learnerId, serverEnv.SESSION_SECRET),
  reviewer: await sessionCookie({ id: seeded.reviewerId }, undefined, serverEnv.SESSION_SECRET),
};
const client = await connection();
// A second learner with an empty library, who imports the bench learner's library over HTTP.
const importer = await client.user.create({ data: { name: "Learner Importing Over HTTP", role: "learner", passphraseHash: "unused" } });
const importerLearner = await client.learner.create({
  data: { name: "Learner Importing Over HTTP", ownerId: importer.id, programSlug: "codex-mastery" },
});
const importerCookie = await sessionCookie({ id: importer.id }, importerLearner.id, serverEnv.SESSION_SECRET);
const libraryZip = await exportLibraryZip(seeded.learnerId);
const counts = {
  "plan-log entries": await client.planLogEntry.count({ where: { learnerId: seeded.learnerId } }),
  "evidence versions": await client.evidence.count({ where: { packet: { learnerId: seeded.learnerId } } }),
  patterns: await client.pattern.count({ where: { learnerId: seeded.learnerId } }),
  "playbook entries": await client.playbookEntry.count({ where: { learnerId: seeded.learnerId } }),
  ExecPlans: await client.execPlan.count({ where: { learnerId: seeded.learnerId } }),
  "learners in the review queue": await client.packet.count({ where: { status: "review_required" } }),
};

// Exports and search, in this process, against the seeded database (first run excluded).
const queries = [
  "context budget",
  "bisect",
  "handoff note",
  "parallel",
  "ExecPlan",
  "hook",
  "rollback",
  "review checklist",
  "pattern 12",
  "débogage",
];
await searchEverything(seeded.learnerId, "warm up");
const searchTimes: number[] = [];
for (const q of queries) searchTimes.push(...(await timed(5, () => searchEverything(seeded.learnerId, q))));
summarise("search, content and library", searchTimes);
for (const [key, work] of [
  ["playbook export (one file)", () => exportPlaybookMarkdown(seeded.learnerId)],
  ["library export (zip)", () => exportLibraryZip(seeded.learnerId)],
  ["status report", () => statusUpdateMarkdown(seeded.learnerId, "codex-mastery", new Date())],
] as const) {
  await work();
  summarise(key, await timed(10, work));
}
// A 1,300-item library import (the seeded library into a new profile) and how long other reads wait meanwhile.
Object.assign(figures, await importBlocking(seeded.learnerId, libraryZip));
await client.$disconnect();

// The server, a production build against the seeded database.
buildIfStale();
const program = getProgram("codex-mastery")!;
const mod = program.modules.find((m) => m.slug === "quality") ?? program.modules[3]!;
const modulePath = `/programs/${program.slug}/modules/${mod.slug}`;
// Next.js lists `public/` when it starts and reads a file's bytes when asked: the ceiling file
// exists from the start (after the build, so the build does not see it) and gets the module
// page's HTML once the server can render it.
const ceilingFile = path.resolve("public", BENCH_CEILING_FILE);
writeFileSync(ceilingFile, "");
const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
  env: { ...serverEnv, PORT: String(PORT), HOST: "127.0.0.1" },
  stdio: "ignore",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill("SIGTERM");
    process.exit(130);
  });
}
const stopServer = async () => {
  if (server.exitCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
};

let result: BenchResult;
try {
  await waitForServer(BASE);
  // The command a person or an agent runs, against this server, with no config file of their own.
  const cliEnv = { MASTERY_URL: BASE, MASTERY_TOKEN: seeded.token, XDG_CONFIG_HOME: scratch };
  summarise("CLI: mastery --help", timeCli(["--help"], cliEnv));
  summarise("CLI: mastery status", timeCli(["status"], cliEnv));
  const learner = { cookie: cookies.learner };
  const reviewer = { cookie: cookies.reviewer };
  const agent = { authorization: `Bearer ${seeded.token}` };
  const floorPage = { name: FLOOR, path: "/programs", headers: learner, expect: asHtml(program.meta.title), main: false };
  const targets: { name: string; path: string; headers: Record<string, string>; expect: string; main: boolean }[] = [
    { name: "dashboard", path: "/", headers: learner, expect: "8 of 8 completed", main: true },
    { name: "module", path: modulePath, headers: learner, expect: asHtml(mod.meta.title), main: true },
    {
      name: "exercise",
      path: `${modulePath}/exercises/${mod.exercises[0]!.slug}`,
      headers: learner,
      expect: asHtml(mod.exercises[0]!.meta.title),
      main: true,
    },
    { name: "patterns", path: "/patterns", headers: learner, expect: "Download the library (zip)", main: true },
    { name: "playbook", path: "/playbook", headers: learner, expect: "Download the playbook", main: true },
    { name: "review queue", path: "/review", headers: reviewer, expect: "Queued Learner 1", main: true },
    { name: "review page", path: `/review/${seeded.queuedPacketId}`, headers: reviewer, expect: "Queued Learner", main: true },
    { name: "plan log", path: "/log", headers: learner, expect: "Plan log of Bench Learner", main: true },
    { name: "status report", path: "/report", headers: learner, expect: "Status Update (", main: true },
    floorPage,
    { name: "API: packets", path: "/api/v1/packets", headers: agent, expect: '"completed"', main: false },
    { name: "API: plan log", path: "/api/v1/log", headers: agent, expect: "summary", main: false },
    { name: "API: search", path: "/api/v1/search?q=context%20budget", headers: agent, expect: '"results"', main: false },
  ];

  // The ceiling: the same server sending a static file as large as the module page.
  const moduleHtml = await (await fetch(BASE + modulePath, { headers: learner })).text();
  writeFileSync(ceilingFile, moduleHtml);
  const javascript: Record<string, number> = {};
  for (const target of targets.filter((t) => t.main)) javascript[target.name] = await javascriptGzipBytes(target.path, target.headers);
  if (only) targets.splice(0, targets.length, ...targets.filter((t) => only.includes(t.name)));
  targets.push({ name: "static file (ceiling)", path: `/${BENCH_CEILING_FILE}`, headers: {}, expect: asHtml(mod.meta.title), main: false });

  const address = (t: (typeof targets)[number]) => ({ name: t.name, url: BASE + t.path, headers: t.headers, expect: t.expect });
  // A main page at concurrency 1 takes turns with the programs list, in rounds over all the main
  // pages (scripts/bench/load.ts), so that the floor is timed throughout the run (the report holds
  // every page to the median of these floors).
  const floor = address(floorPage);
  const jobs: LoadJob[] = targets.flatMap((t) =>
    ([1, 10] as const).map((concurrency) => ({
      ...address(t),
      ...(t.main && concurrency === 1 && { floor }),
      concurrency,
      requests: REQUESTS[concurrency],
      warmup: 20,
    })),
  );
  console.log(`Measuring ${targets.length} addresses at concurrency 1 and 10…`);
  const load = runLoad(jobs);

  const { lighthouseScores } = await import("./bench/lighthouse");
  const packetPath = `${modulePath}/packet`;
  const reviewPath = `/review/${seeded.queuedPacketId}`;
  const lighthouse = only
    ? {}
    : {
        ...(await lighthouseScores(BASE, learner.cookie, ["/", modulePath, packetPath], LIGHTHOUSE_MOBILE_RUNS)),
        ...(await lighthouseScores(BASE, reviewer.cookie, [reviewPath], LIGHTHOUSE_MOBILE_RUNS)),
      };
  const memory = peakMemory(server.pid!);
  await hostileUpload(learner);
  await libraryImportOverHttp(BASE + modulePath, learner);
  const frameworkJavascriptGzipBytes = await frameworkJavascript();
  result = {
    at: new Date().toISOString(),
    dataset: counts,
    pages: targets.map((t) => {
      const at = (c: number) => load.find((r) => r.name === t.name && r.concurrency === c)!;
      return { name: t.name, path: t.path, main: t.main, c1: at(1), c10: at(10), javascriptGzipBytes: javascript[t.name] ?? null };
    }),
    frameworkJavascriptGzipBytes,
    lighthouse: only
      ? {}
      : {
          dashboard: lighthouse["/"]!,
          module: lighthouse[modulePath]!,
          "packet page": lighthouse[packetPath]!,
          "review page": lighthouse[reviewPath]!,
        },
    figures: { ...figures, "server peak memory (MB)": memory.serverMb, "server and launcher peak memory (MB)": memory.treeMb },
  };
} finally {
  await stopServer();
  if (existsSync(ceilingFile)) unlinkSync(ceilingFile);
  rmSync(scratch, { recursive: true, force: true });
}

if (withCohort) result.cohort = await measureCohort();
const budgets = evaluateBudgets(result);
const markdown = renderMarkdown(
  result,
  budgets,
  compareWith ? compareResults(result, JSON.parse(readFileSync(compareWith, "utf8")) as BenchResult) : undefined,
);
console.log(`\n${markdown}`);
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/latest.json", `${JSON.stringify({ ...result, budgets }, null, 2)}\n`);
writeFileSync("bench-results/latest.md", markdown);
console.log("Written to bench-results/latest.md and bench-results/latest.json.");
process.exit(budgets.every((b) => b.met) ? 0 : 1);

function asHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The JavaScript files a modern browser loads for the page (nomodule polyfills skipped), gzipped. */
async function javascriptGzipBytes(address: string, headers: Record<string, string>): Promise<number> {
  const html = await (await fetch(BASE + address, { headers })).text();
  const sources = [...html.matchAll(/<script([^>]+)src="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/\bnomodule\b/i.test(m[1]! + m[3]!))
    .map((m) => m[2]!);
  return gzippedBytes(sources);
}

/** The files at `sources` (each once), gzipped as served, in bytes. */
async function gzippedBytes(sources: string[]): Promise<number> {
  let bytes = 0;
  for (const src of new Set(sources)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer())).length;
  return bytes;
}

/**
 * The library import refusing a zip bomb (nine entries whose headers claim 100 bytes and which
 * inflate to 1 GB each) while /api/health is asked one request at a time: how long the refusal
 * takes and the health check's p95 meanwhile. Runs after the memory reading.
 */
async function hostileUpload(headers: Record<string, string>): Promise<void> {
  const body = new FormData();
  body.append("files", new Blob([hostileZip([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `docs/patterns/speed/bomb-${i}.md`))]), "bomb.zip");
  body.set("step", "check");
  const started = performance.now();
  const upload = fetch(`${BASE}/patterns/import/upload`, { method: "POST", headers, body }).then((response) => response.text());
  const latencies = await healthLatenciesDuring(BASE, upload);
  if (!(await upload).includes("unpacks to more than 50 MB")) throw new Error("the library import did not refuse the zip bomb");
  figures["hostile library upload refused in (ms)"] = performance.now() - started;
  figures["health p95 during a hostile library upload (ms)"] = percentile(latencies, 95);
}

/** The build's root main files (the framework's runtime, loaded by every page), gzipped as served. */
async function frameworkJavascript(): Promise<number> {
  const manifest = JSON.parse(readFileSync(path.resolve(".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return gzippedBytes(manifest.rootMainFiles.map((file) => `/_next/${file}`));
}

/**
 * The bench learner's library (1,000 patterns, 300 entries) imported into an empty profile
 * through the upload route, checked and then applied as the import page does it, while a page is
 * asked for one request at a time: the import's time and the page's p95 meanwhile.
 */
async function libraryImportOverHttp(pageUrl: string, pageHeaders: Record<string, string>): Promise<void> {
  const post = async (fields: Record<string, string>) => {
    const body = new FormData();
    body.append("files", new Blob([new Uint8Array(libraryZip)]), "library.zip");
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const response = await fetch(`${BASE}/patterns/import/upload`, { method: "POST", headers: { cookie: importerCookie }, body });
    const answer = (await response.json()) as { plan: { fingerprint: string }; result?: { created: number }; error?: { message: string } };
    if (!response.ok) throw new Error(`the library import answered ${response.status}: ${answer.error?.message ?? ""}`);
    return answer;
  };
  const started = performance.now();
  const importing = (async () => {
    const { plan } = await post({ step: "check" });
    const { result } = await post({ step: "apply", fingerprint: plan.fingerprint });
    if (result?.created !== counts.patterns + counts["playbook entries"])
      throw new Error(`the library import created ${result?.created ?? 0} items`);
  })();
  const latencies = await latenciesDuring(pageUrl, pageHeaders, importing);
  await importing;
  figures["library import over HTTP, check and apply (ms)"] = performance.now() - started;
  figures["p95 of page requests during a large library import (ms)"] = percentile(latencies, 95);
  figures["page requests during a large library import"] = latencies.length;
}

/** Runs the jobs in a second process (scripts/bench/load.ts) and reads its results. */
function runLoad(jobs: LoadJob[]): LoadResult[] {
  const file = path.join(scratch, "jobs.json");
  writeFileSync(file, JSON.stringify(jobs));
  const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/bench/load.ts", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (run.status !== 0) throw new Error("the load generator failed");
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as LoadResult);
}
