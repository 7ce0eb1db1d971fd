// `npm run bench -- --cohort`: the cohort capacity, SQLite × 1 process and PostgreSQL × 2
// instances side by side in one run. Each setup runs in its own process (`tsx
// scripts/bench/cohort.ts --setup sqlite|postgresql`): it makes a scratch database (a throwaway
// PostgreSQL server that flushes to disk as a production one does), seeds the cohort, and searches
// for the largest number of active learners the machine serves within the page budget: for each
// size it starts fresh production servers as `npm start` does on free ports and plays the size's
// traffic open-loop from a second process (scripts/bench/open-loop.ts), which primes them first
// (every active person's pages once, as on a server that has been running), for a warm-up and a
// measured window.
//
// Options: --warmup S (10), --window S (30), --start N (100), --max N (2000), --steps N,N,… (try
// exactly these sizes), --only sqlite|postgresql, --full-loads SHARE (0.2: the share of page opens
// sent as full document loads rather than navigations; 1 sends every page as a full load).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfStale } from "../build-stamp";
import { freePort } from "../free-port";
import { startThrowawayCluster } from "../postgres-cluster";
import { createPostgresDatabase } from "../../test/postgres";
import {
  type CohortRun,
  type CohortSetupResult,
  type CohortStep,
  nextCohortSize,
  renderCohortMarkdown,
  SQLITE_GOAL_LEARNERS,
  stepPasses,
} from "./cohort-report";
import type { OpenLoopPlan, OpenLoopResult } from "./open-loop";
import { RATES } from "./open-loop";
import { pageRoutes } from "./navigation";
import { processTree, residentMb } from "./memory";
import { waitForServer } from "./server";

const SECRET = "bench-session-secret-0123456789abcdef0123456789";
const SETUPS = { sqlite: { name: "SQLite × 1", instances: 1 }, postgresql: { name: "PostgreSQL × 2", instances: 2 } } as const;
type SetupKey = keyof typeof SETUPS;

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const number = (name: string, fallback: number) => Number(option(name) ?? fallback);

/** The share of page opens sent as full document loads (a new tab, a reload, a bookmark); the rest follow a link of the page in hand. */
const FULL_LOAD_SHARE = number("--full-loads", 0.2);
if (!(FULL_LOAD_SHARE >= 0 && FULL_LOAD_SHARE <= 1)) {
  console.error(`--full-loads takes a share from 0 to 1, such as 0.2 (not ${option("--full-loads")}).`);
  process.exit(2);
}

function howPagesOpen(share: number): string {
  if (share >= 1) return "every one a full document load";
  const navigation =
    "opened from a link of the page in hand as the browser does it (a navigation: the page's payload without HTML, the layout both pages share not rendered again)";
  return share > 0
    ? `${navigation}, but ${Math.round(share * 100)} % as full document loads (a new tab, a reload, a bookmark)`
    : navigation;
}

const WORKLOAD = `Open-loop workload per active learner: a page every ${RATES.learnerPageEverySeconds} s (dashboard, module, exercise, packet, library, search), ${howPagesOpen(FULL_LOAD_SHARE)}, and a write every ${RATES.learnerWriteEverySeconds / 60} minutes (a note version, a drill attempt, a pattern saved, posted as a browser without JavaScript posts the form); one reviewer per ten learners, a review page every ${RATES.reviewPageEverySeconds} s (opened as a learner's pages are) and a verdict every ${RATES.verdictEverySeconds / 60} minutes; one agent per ten learners, an API call every ${RATES.agentCallEverySeconds} s (one in four a write). Each learner has modules 1–3 accepted and module 4 in progress (one in five submitted), 50 patterns, 15 playbook entries, 500 plan-log entries. Load generator on the same machine; the production server as \`npm start\` runs it, started afresh for every size and primed before the warm-up (on every instance, every active learner has opened each page of the mix once and a reviewer every queued packet, as on a server that has been running); its peak memory is read from the warm-up on.`;

type Servers = { bases: string[]; pids: number[]; stop: () => Promise<void> };

/** `count` production servers as `npm start` runs them, on free ports, once they answer. */
async function startServers(count: number, env: NodeJS.ProcessEnv): Promise<Servers> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const port = await freePort();
      const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
        env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
        stdio: "ignore",
        // Its own process group, so that stopping it stops the Next.js server under the launcher too.
        detached: true,
      });
      return { base: `http://127.0.0.1:${port}`, child };
    }),
  );
  const stop = async () => {
    const exited = servers.map((s) => (s.child.exitCode === null ? new Promise((resolve) => s.child.once("exit", resolve)) : null));
    for (const server of servers) {
      try {
        process.kill(-server.child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await Promise.all(exited);
  };
  try {
    for (const server of servers) await waitForServer(server.base);
  } catch (error) {
    await stop();
    throw error;
  }
  return { bases: servers.map((s) => s.base), pids: servers.flatMap((s) => processTree(s.child.pid!)), stop };
}

/** One setup, in this process: prints its CohortSetupResult as JSON on stdout. */
async function runSetup(key: SetupKey): Promise<CohortSetupResult> {
  const setup = SETUPS[key];
  const scratch = mkdtempSync(path.join(tmpdir(), "mastery-cohort-"));
  let databaseUrl = `file:${path.join(scratch, "cohort.db")}`;
  let database = "SQLite (WAL, one file)";
  if (key === "postgresql") {
    const cluster = await startThrowawayCluster({ durable: true });
    databaseUrl = await createPostgresDatabase(cluster.adminUrl, "cohort", { migrated: false });
    database = cluster.version.replace(/^postgres \(PostgreSQL\) /, "PostgreSQL ");
  }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: SECRET,
    MASTERY_BACKUP_EVERY_HOURS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);
  const { migrateDatabase } = await import("../../prisma/migrator");
  const { getProgram } = await import("../../lib/content");
  const { cohortSeeder } = await import("./cohort-seed");
  await migrateDatabase(databaseUrl);
  const grow = cohortSeeder(SECRET);

  let running: Servers | null = null;
  const stopRunning = () => running?.stop();
  process.once("exit", () => void stopRunning());
  try {
    const program = getProgram("codex-mastery")!;
    const mod = program.modules[3]!;
    const modulePath = `/programs/${program.slug}/modules/${mod.slug}`;
    const paths = {
      module: modulePath,
      exercises: mod.exercises.map((e) => `${modulePath}/exercises/${e.slug}`),
      packet: `${modulePath}/packet`,
      moduleNumber: mod.meta.number,
      drillIds: mod.meta.drills.map((d) => d.id),
    };
    const steps: CohortStep[] = [];
    const decided: string[] = [];
    const fixed = option("--steps")?.split(",").map(Number);
    const start = number("--start", 100);
    const max = number("--max", 2000);
    for (
      let learners = fixed ? fixed[0] : nextCohortSize(steps, start, max);
      learners != null;
      learners = fixed ? fixed[steps.length] : nextCohortSize(steps, start, max)
    ) {
      const seeding = performance.now();
      const cohort = await grow(learners);
      process.stderr.write(`  ${setup.name}: ${learners} learners (seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s)… `);
      // A fresh server for every size, so that a size does not inherit the heap and the backlog of
      // the one before (an overloaded step leaves the server larger than the load in hand needs).
      running = await startServers(setup.instances, env);
      const { bases, pids } = running;
      const plan: OpenLoopPlan = {
        bases,
        cohort,
        learners,
        warmupSeconds: number("--warmup", 10),
        windowSeconds: number("--window", 30),
        seed: steps.length + 1,
        paths,
        searches: ["bisect", "review checklist", "context budget", "rollback", "hook"],
        routes: pageRoutes(),
        fullLoadShare: FULL_LOAD_SHARE,
        decided,
      };
      const planFile = path.join(scratch, "plan.json");
      writeFileSync(planFile, JSON.stringify(plan));
      // The servers' memory from the start of the warm-up on: priming is not the cohort's load.
      const memory: { at: number; mb: number }[] = [];
      const sampler = setInterval(() => memory.push({ at: Date.now(), mb: Math.max(...pids.map(residentMb)) }), 250);
      const load = await new Promise<string>((resolve, reject) => {
        const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/bench/open-loop.ts", planFile], {
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`the load generator exited with ${code}`))));
      });
      clearInterval(sampler);
      await running.stop();
      running = null;
      const result = JSON.parse(load) as OpenLoopResult;
      const peakRssMb = Math.max(0, ...memory.filter((m) => m.at >= result.loadStartedAt).map((m) => m.mb));
      decided.push(...result.decided);
      const step = { learners, result, peakRssMb, passed: stepPasses(result) };
      steps.push(step);
      process.stderr.write(
        `primed in ${result.primingSeconds.toFixed(0)} s, pages p50/p95/p99 ${result.pages.p50.toFixed(0)}/${result.pages.p95.toFixed(0)}/${result.pages.p99.toFixed(0)} ms, errors ${result.errors}, peak ${peakRssMb.toFixed(0)} MB: ${step.passed ? "passes" : "fails"}\n`,
      );
    }
    const capacity = Math.max(0, ...steps.filter((s) => s.passed).map((s) => s.learners));
    return { setup: setup.name, database, instances: setup.instances, steps, capacity };
  } finally {
    await stopRunning();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Every setup, one after the other, each in its own process; writes bench-results/cohort.{md,json}
 * and returns the run. Throws when a setup fails.
 */
export async function measureCohort(): Promise<CohortRun> {
  buildIfStale();
  const only = option("--only") as SetupKey | undefined;
  const setups: CohortSetupResult[] = [];
  for (const key of Object.keys(SETUPS) as SetupKey[]) {
    if (only && only !== key) continue;
    console.log(`Cohort capacity, ${SETUPS[key].name}…`);
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/bench/cohort.ts", "--setup", key, ...process.argv.slice(2)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0)
      throw new Error(`The ${SETUPS[key].name} run failed${key === "postgresql" ? " (is PostgreSQL installed?)" : ""}.`);
    setups.push(JSON.parse(run.stdout) as CohortSetupResult);
  }
  const cohort = { at: new Date().toISOString(), workload: WORKLOAD, setups };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/cohort.json", `${JSON.stringify(cohort, null, 2)}\n`);
  writeFileSync("bench-results/cohort.md", renderCohortMarkdown(cohort.at, setups, WORKLOAD));
  return cohort;
}

/** `--cohort`: the cohort capacity alone; exits 1 below the goal for SQLite. */
export async function runCohortBench(): Promise<never> {
  const cohort = await measureCohort().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
  console.log(`\n${renderCohortMarkdown(cohort.at, cohort.setups, cohort.workload)}`);
  console.log("Written to bench-results/cohort.md and bench-results/cohort.json.");
  const sqlite = cohort.setups.find((r) => r.setup === SETUPS.sqlite.name);
  process.exit(sqlite && sqlite.capacity < SQLITE_GOAL_LEARNERS ? 1 : 0);
}

if (option("--setup")) {
  const result = await runSetup(option("--setup") as SetupKey);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
