// `npx tsx scripts/bench/dashboard.ts`: seeds a scratch database with a learner who completed all
// 8 modules, 10,000 plan-log entries and 1,000 patterns, starts a production server on port 3222
// against it and measures the dashboard, the report page and the report download as that
// learner (median and p95 of the time to the last byte, over sequential requests on 127.0.0.1).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sealData } from "iron-session";

const PORT = 3222;
const BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const WARMUP = 10;
const SIZE = { logEntries: 10_000, patterns: 1_000 };

const scratch = mkdtempSync(path.join(tmpdir(), "mastery-bench-dashboard-"));
const serverEnv = {
  ...process.env,
  DATABASE_URL: `file:${path.join(scratch, "bench.db")}`,
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  MASTERY_BACKUP_EVERY_HOURS: "0",
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, serverEnv);

const { applyPendingMigrations } = await import("../../prisma/migrator");
const { databasePath, db } = await import("../../lib/db");
const { seedProgress } = await import("./seed-progress");
const { buildIfStale } = await import("../build-stamp");
const { percentile, waitForServer } = await import("./server");

async function measure(address: string, cookie: string, expect: string): Promise<number[]> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(BASE + address, { headers: { cookie } });
    const body = await response.text();
    const ms = performance.now() - started;
    if (!response.ok || !body.includes(expect)) throw new Error(`${address} answered ${response.status} without "${expect}"`);
    return ms;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await once());
  return times;
}

await applyPendingMigrations({ dbPath: databasePath() });
const seedStarted = performance.now();
const { userId, learnerId } = await seedProgress(SIZE);
const client = await db();
const counts = {
  log: await client.planLogEntry.count(),
  patterns: await client.pattern.count(),
  completed: await client.packet.count({ where: { status: "completed" } }),
};
await client.$disconnect();
console.log(`Seeded ${counts.log} log entries, ${counts.patterns} patterns, ${counts.completed} completed modules in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

buildIfStale();
const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
  env: { ...serverEnv, PORT: String(PORT), HOST: "127.0.0.1" },
  stdio: "ignore",
});

const rows: [string, number, number][] = [];
try {
  await waitForServer(BASE);
  const cookie = `mastery_session=${await sealData({ userId, learnerId }, { password: serverEnv.SESSION_SECRET })}`;
  for (const [label, address, expect] of [
    ["dashboard (/)", "/", "8 of 8 completed"],
    ["report page (/report)", "/report", "Status Update ("],
    ["report download (/report/download)", "/report/download", "8. **Error Capture Blocks**"],
  ] as const) {
    const times = await measure(address, cookie, expect);
    rows.push([label, percentile(times, 50), percentile(times, 95)]);
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\n${REQUESTS} sequential requests each after ${WARMUP} warm-up requests, production build on 127.0.0.1:${PORT}`);
console.log("| page | median (ms) | p95 (ms) |\n|---|---|---|");
for (const [label, median, p95] of rows) console.log(`| ${label} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`);
process.exit(0);
