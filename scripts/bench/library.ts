// `npx tsx scripts/bench/library.ts`: seeds a scratch database with 1,000 patterns and 300
// playbook entries (hostile Markdown from the test generator, with wiki-links), times both
// exports in this process, then starts the production server on 127.0.0.1:3211 against that
// database and times the library page (and its search) and the playbook's pages as the learner,
// one request at a time and ten at a time.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sealData } from "iron-session";
import { buildIfStale } from "../build-stamp";
import { percentile, waitForServer } from "./server";

const PORT = 3211;
const BASE = `http://127.0.0.1:${PORT}`;
const PATTERNS = 1000;
const ENTRIES = 300;
const SECRET = randomBytes(32).toString("hex");

const scratch = mkdtempSync(path.join(tmpdir(), "mastery-bench-library-"));
const databaseUrl = `file:${path.join(scratch, "bench.db")}`;
process.env.DATABASE_URL = databaseUrl;
const { connection, databasePath } = await import("../../lib/db");
const { applyPendingMigrations } = await import("../../prisma/migrator");
const { writePattern } = await import("../../lib/library/patterns");
const { writeEntry } = await import("../../lib/library/playbook");
const { exportLibraryZip, exportPlaybookMarkdown } = await import("../../lib/library/export");
const { hostileEntry, hostilePattern, prng } = await import("../../lib/library/sample-library");

const rows: [string, string][] = [];
const record = (metric: string, values: number[], unit = "ms") => {
  rows.push(
    [`${metric} median`, `${percentile(values, 50).toFixed(1)} ${unit}`],
    [`${metric} p95`, `${percentile(values, 95).toFixed(1)} ${unit}`],
  );
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

// Seed, in one transaction through the library's own write functions (so versions exist too).
await applyPendingMigrations({ dbPath: databasePath() });
const client = await connection();
const user = await client.user.create({ data: { name: "Bench Learner", role: "learner", passphraseHash: "unused" } });
const learner = await client.learner.create({ data: { name: "Bench Learner", ownerId: user.id, programSlug: "codex-mastery" } });
const actor = { kind: "learner" as const, userId: user.id, label: user.name };
const random = prng(2026);
const categories = ["speed", "quality", "debugging", "planning", "architecture"];
const slugs = Array.from({ length: PATTERNS }, (_, i) => `pattern-${String(i).padStart(4, "0")}`);
const [, seedMs] = await timed(() =>
  client.$transaction(
    async (tx) => {
      for (const [i, slug] of slugs.entries()) {
        const data = hostilePattern(random, slug, categories[i % categories.length]!);
        await writePattern(tx, actor, learner.id, null, {
          ...data,
          archived: false,
          alternatives: `${data.alternatives}\n\nSee [[${random.pick(slugs)}]].`.trim(),
        });
      }
      for (let i = 0; i < ENTRIES; i++) {
        const data = hostileEntry(random, `entry-${String(i).padStart(3, "0")}`);
        await writeEntry(tx, actor, learner.id, null, {
          ...data,
          archived: false,
          body: `${data.body}\n\nUses [[${random.pick(slugs)}]] and [[${random.pick(slugs)}]].`,
        });
      }
    },
    { timeout: 600_000 },
  ),
);
rows.push(["seed 1,000 patterns + 300 entries (one transaction)", `${(seedMs / 1000).toFixed(1)} s`]);

// Exports, in this process: the first run is cold, then 10 timed runs.
const [markdown, firstMd] = await timed(() => exportPlaybookMarkdown(learner.id));
const [zip, firstZip] = await timed(() => exportLibraryZip(learner.id));
rows.push(["single-file export, first run", `${firstMd.toFixed(1)} ms`], ["zip export, first run", `${firstZip.toFixed(1)} ms`]);
const mdTimes: number[] = [];
const zipTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  mdTimes.push((await timed(() => exportPlaybookMarkdown(learner.id)))[1]);
  zipTimes.push((await timed(() => exportLibraryZip(learner.id)))[1]);
}
record("single-file export (10 runs)", mdTimes);
record("zip export (10 runs)", zipTimes);
rows.push(
  ["single-file size", `${(Buffer.byteLength(markdown) / 1024).toFixed(0)} KB`],
  ["zip size", `${(zip.byteLength / 1024).toFixed(0)} KB`],
);
await client.$disconnect();

// The server: a production build against the seeded database, signed in as the learner.
buildIfStale();
const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: "ignore",
});
const cookie = `mastery_session=${await sealData({ userId: user.id, learnerId: learner.id }, { password: SECRET })}`;

async function measure(url: string, requests: number, expect: string): Promise<number[]> {
  for (let i = 0; i < 5; i++) await (await fetch(BASE + url, { headers: { cookie } })).text();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const html = await (await fetch(BASE + url, { headers: { cookie } })).text();
    times.push(performance.now() - started);
    if (!html.includes(expect)) throw new Error(`${url} did not show “${expect}”; is the session accepted?`);
  }
  return times;
}

/** `requests` requests, `concurrency` at a time, each timed from its own start. */
async function measureConcurrently(url: string, requests: number, concurrency: number, expect: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      const started = performance.now();
      const html = await (await fetch(BASE + url, { headers: { cookie } })).text();
      times.push(performance.now() - started);
      if (!html.includes(expect)) throw new Error(`${url} did not show “${expect}”`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}

try {
  await waitForServer(BASE);
  record("library page /patterns (100 requests)", await measure("/patterns", 100, "Download the library (zip)"));
  record("library page searching “context” (100 requests)", await measure("/patterns?q=context", 100, "Download the library (zip)"));
  record(
    "library page filtered by category, sorted by title (100 requests)",
    await measure("/patterns?category=quality&sort=title", 100, "Download the library (zip)"),
  );
  const playbookShows = "Download the playbook (one Markdown file)";
  record("playbook page 1, 20 of 300 entries in full (100 requests)", await measure("/playbook", 100, playbookShows));
  record("playbook page 8 (100 requests)", await measure("/playbook?page=8", 100, playbookShows));
  record("playbook page 1, 10 at a time (200 requests)", await measureConcurrently("/playbook", 200, 10, playbookShows));
  record(
    "library page /patterns, 10 at a time (200 requests)",
    await measureConcurrently("/patterns", 200, 10, "Download the library (zip)"),
  );
  record("playbook print view, all 300 entries in full (10 requests)", await measure("/playbook?all=1", 10, playbookShows));
} finally {
  server.kill("SIGTERM");
  rmSync(scratch, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([metric]) => metric.length));
console.log(rows.map(([metric, value]) => `${metric.padEnd(width)}  ${value}`).join("\n"));
process.exit(0);
