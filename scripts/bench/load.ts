// The benchmark's load generator, run as its own process so that it does not share the event
// loop it measures: `tsx scripts/bench/load.ts JOBS.json` sends every job's warm-up requests, then
// each job's requests over keep-alive connections with the job's concurrency, checks every answer,
// and prints one JSON result per job (latency to the last byte, requests per second) on stdout.
// A job at concurrency 1 may name a floor: a reference page asked for in turns with the job's own
// requests, 25 of each. Long turns keep most floor requests clear of the garbage collections the
// page leaves behind (in turns of ten, the floor beside the dashboard took 13.4 ms against 7.2 on
// its own). The jobs with a floor take their turns in rounds, each job one turn a round, and the
// other jobs run between the rounds, so that every page's requests and the floor's are spread over
// the whole run and meet its slow and fast phases alike (measured one page after another, three
// pages in a row once met a phase whose floor ran at 10 ms against 7–8 ms beside the others). The
// report holds every page to the median of the floors (scripts/bench/report.ts).
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

/** What a job has measured so far. */
type Measured = { job: LoadJob; agent: http.Agent; times: number[]; floorTimes: number[]; bytes: number };

async function start(job: LoadJob): Promise<Measured> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  for (let i = 0; i < job.warmup; i++) await get(agent, job);
  return { job, agent, times: [], floorTimes: [], bytes: 0 };
}

function finish({ job, agent, times, floorTimes, bytes }: Measured, seconds: number): LoadResult {
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

/** One of the job's own requests, timed. */
async function timeOne(measured: Measured): Promise<void> {
  const answer = await get(measured.agent, measured.job);
  measured.times.push(answer.ms);
  measured.bytes = answer.bytes;
}

/** A job without a floor: all its requests, `concurrency` at a time. */
async function run(job: LoadJob): Promise<LoadResult> {
  const measured = await start(job);
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < job.requests) {
      issued++;
      await timeOne(measured);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return finish(measured, (performance.now() - started) / 1000);
}

/** One turn of a job with a floor: the floor's requests, then up to as many of its own, one at a time. */
async function turn(measured: Measured, floor: Target): Promise<void> {
  for (let i = 0; i < FLOOR_TURN; i++) measured.floorTimes.push((await get(measured.agent, floor)).ms);
  for (let i = 0; i < FLOOR_TURN && measured.times.length < measured.job.requests; i++) await timeOne(measured);
}

/** Every job's result, in the jobs' order: the jobs with a floor in rounds of turns, the others between the rounds. */
async function runAll(jobs: LoadJob[]): Promise<LoadResult[]> {
  const results = new Map<LoadJob, LoadResult>();
  const paired: { measured: Measured; floor: Target }[] = [];
  for (const job of jobs) {
    if (!job.floor) continue;
    if (job.concurrency !== 1) throw new Error(`${job.name}: a floor is timed at concurrency 1 only`);
    paired.push({ measured: await start(job), floor: job.floor });
  }
  const alone = jobs.filter((job) => !job.floor);
  const rounds = Math.max(1, ...paired.map(({ measured }) => Math.ceil(measured.job.requests / FLOOR_TURN)));
  const between = (round: number) => Math.round((alone.length * round) / rounds);
  for (let round = 0; round < rounds; round++) {
    process.stderr.write(`  round ${round + 1} of ${rounds}\n`);
    for (const { measured, floor } of paired) if (measured.times.length < measured.job.requests) await turn(measured, floor);
    for (const job of alone.slice(between(round), between(round + 1))) results.set(job, await run(job));
  }
  // With a floor, the job's own seconds are the time its own requests took.
  for (const { measured } of paired) results.set(measured.job, finish(measured, measured.times.reduce((sum, ms) => sum + ms, 0) / 1000));
  return jobs.map((job) => results.get(job)!);
}

const jobs = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadJob[];
// A server that has been running has run every page's code often enough for V8 to optimise what
// they share: every job's warm-up requests are sent before any job is measured, so that the pages
// measured first are not the only ones measured on a cold server.
const warming = new http.Agent({ keepAlive: true, maxSockets: 1 });
for (const job of jobs) for (let i = 0; i < job.warmup; i++) await get(warming, job);
warming.destroy();
for (const result of await runAll(jobs)) {
  process.stderr.write(
    `  ${result.name}, concurrency ${result.concurrency}: median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, ${result.requestsPerSecond.toFixed(1)} req/s${
      result.floorMedianMs === undefined ? "" : ` (floor ${result.floorMedianMs.toFixed(1)} ms)`
    }\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
