// The benchmark's load generator, run as its own process so that it does not share the event
// loop it measures: `tsx scripts/bench/load.ts JOBS.json` sends every job's warm-up requests, then
// each job's requests over keep-alive connections with the job's concurrency, checks every answer,
// and prints one JSON result per job (latency to the last byte, requests per second) on stdout.
// A job at concurrency 1 may name a floor: a reference page asked for in turns with the job's own
// requests, 25 of each, so that the page and its reference are timed in the same seconds of the
// run. Long turns keep most floor requests clear of the garbage collections the page leaves behind
// (in turns of ten, the floor beside the dashboard took 13.4 ms against 7.2 on its own); the report
// holds every page to the median of the floors (scripts/bench/report.ts).
import { readFileSync } from "node:fs";
import http from "node:http";
import { percentile } from "./server";

/** One address, with what its answer must contain. */
type Target = { name: string; url: string; headers: Record<string, string>; expect: string };
export type LoadJob = Target & {
  /** The reference page timed in turns with this one (concurrency 1 only). */
  floor?: Target;
  concurrency: number;
  requests: number;
  warmup: number;
};
export type LoadResult = {
  name: string;
  concurrency: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  requestsPerSecond: number;
  bytes: number;
  /** The floor's median over the same seconds, when the job named one. */
  floorMedianMs?: number;
};

type Answer = { ms: number; bytes: number };
/** How many requests of the page, then of its floor, are timed in each turn. */
const FLOOR_TURN = 25;

/** One request; a keep-alive socket the server closed as it was reused is retried once. */
async function get(agent: http.Agent, job: Target): Promise<Answer> {
  try {
    return await getOnce(agent, job);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ECONNRESET") throw error;
    return getOnce(agent, job);
  }
}

function getOnce(agent: http.Agent, job: Target): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(job.url, { agent, headers: job.headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== 200 || !body.includes(job.expect)) {
            reject(new Error(`${job.name}: ${job.url} answered ${response.statusCode} without “${job.expect}”`));
          } else resolve({ ms: performance.now() - started, bytes: body.length });
        });
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  if (job.floor && job.concurrency !== 1) throw new Error(`${job.name}: a floor is timed at concurrency 1 only`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  for (let i = 0; i < job.warmup; i++) await get(agent, job);
  const times: number[] = [];
  const floorTimes: number[] = [];
  let issued = 0;
  let bytes = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < job.requests) {
      issued++;
      if (job.floor && times.length % FLOOR_TURN === 0)
        for (let i = 0; i < FLOOR_TURN; i++) floorTimes.push((await get(agent, job.floor)).ms);
      const answer = await get(agent, job);
      times.push(answer.ms);
      bytes = answer.bytes;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  // With a floor, the job's own seconds are the time its own requests took.
  const seconds = job.floor ? times.reduce((sum, ms) => sum + ms, 0) / 1000 : (performance.now() - started) / 1000;
  agent.destroy();
  return {
    name: job.name,
    concurrency: job.concurrency,
    requests: times.length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    requestsPerSecond: times.length / seconds,
    bytes,
    ...(job.floor && { floorMedianMs: percentile(floorTimes, 50) }),
  };
}

const jobs = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadJob[];
// A server that has been running has run every page's code often enough for V8 to optimise what
// they share: every job's warm-up requests are sent before any job is measured, so that the pages
// measured first are not the only ones measured on a cold server.
const warming = new http.Agent({ keepAlive: true, maxSockets: 1 });
for (const job of jobs) for (let i = 0; i < job.warmup; i++) await get(warming, job);
warming.destroy();
for (const job of jobs) {
  const result = await run(job);
  process.stderr.write(
    `  ${job.name}, concurrency ${job.concurrency}: median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, ${result.requestsPerSecond.toFixed(1)} req/s${
      result.floorMedianMs === undefined ? "" : ` (floor ${result.floorMedianMs.toFixed(1)} ms)`
    }\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
