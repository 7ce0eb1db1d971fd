// Lighthouse performance and accessibility scores for pages of a running server, seen by a
// signed-in user (the session cookie goes along as a request header), once with Lighthouse's
// default settings (mobile, simulated throttling) and once with its desktop preset.
// Runs the system Chromium headless, in which every host name but 127.0.0.1 and localhost fails to
// resolve, so neither the pages nor the browser reach past this machine.
// Alone: `npx tsx scripts/bench/lighthouse.ts <base> <cookie> <path...>` prints a table, e.g.
// `npx tsx scripts/bench/lighthouse.ts http://127.0.0.1:3000 "mastery_session=Fe26.2*…" / /patterns`.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";
import { ensureChromium } from "../chromium";

export type LighthouseScores = {
  /** Lighthouse's default run (a phone screen, simulated slow 4G and a 4× slower CPU), each run's scores 0–100. */
  runs: { performance: number; accessibility: number }[];
  /** The lowest of the runs' scores. */
  performance: number;
  accessibility: number;
  /** Of the run with the lowest performance: the audits of both categories that scored below 1 with their values, Lighthouse's run warnings, requests to other hosts, and the machine's load when performance is below 100. */
  failing: string[];
  /** The desktop preset: a desktop screen, a simulated fast connection, no CPU slowdown. */
  desktopPerformance: number;
  desktopAccessibility: number;
  desktopFailing: string[];
};

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];
const CATEGORIES = ["performance", "accessibility"];
const WARMUP_REQUESTS = 3;
const ATTEMPTS = 3;
const SELECTORS_SHOWN = 3;

type Run = { performance: number; accessibility: number; failing: string[] };

/** The CSS selector of a table cell holding a page element (accessibility audits list the elements that failed). */
const selectorOf = (cell: unknown): string[] =>
  typeof cell === "object" && cell !== null && "selector" in cell && typeof cell.selector === "string" ? [cell.selector] : [];

function failingAudits(lhr: Result): string[] {
  const lines: string[] = [];
  for (const categoryId of CATEGORIES) {
    for (const ref of lhr.categories[categoryId]!.auditRefs) {
      const audit = lhr.audits[ref.id]!;
      if (audit.score === null || audit.score >= 1) continue;
      const nodes = audit.details?.type === "table" ? audit.details.items.flatMap((item) => selectorOf(item.node)) : [];
      const where = nodes.length
        ? ` at ${nodes.slice(0, SELECTORS_SHOWN).join(" | ")}${nodes.length > SELECTORS_SHOWN ? ` and ${nodes.length - SELECTORS_SHOWN} more` : ""}`
        : "";
      const value = audit.displayValue ? ` ${audit.displayValue}` : "";
      lines.push(`${categoryId} ${audit.id} "${audit.title}"${value} (score ${audit.score.toFixed(2)}, weight ${ref.weight})${where}`);
    }
  }
  return [...lines, ...lhr.runWarnings.map((warning) => `warning: ${warning}`), ...offMachineRequests(lhr), ...machineLoad(lhr)];
}

/** Simulated throttling scales the CPU time measured on this machine, so a busy machine lowers the performance score. */
function machineLoad(lhr: Result): string[] {
  if (lhr.categories.performance!.score === 1) return [];
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
  return [
    `machine: Lighthouse CPU benchmark index ${Math.round(lhr.environment.benchmarkIndex)}, ${load} (a busy machine lowers the performance score)`,
  ];
}

/** Requests the page tried to send anywhere but its own server (the browser cannot resolve other hosts, so each one failed). */
function offMachineRequests(lhr: Result): string[] {
  const details = lhr.audits["network-requests"]?.details;
  if (details?.type !== "table") return [];
  const own = new URL(lhr.finalDisplayedUrl).host;
  const elsewhere = (url: string) => /^(https?|wss?):$/.test(new URL(url).protocol) && new URL(url).host !== own;
  return details.items.flatMap((item) =>
    typeof item.url === "string" && elsewhere(item.url) ? [`network: the page requested ${item.url}`] : [],
  );
}

/** Lighthouse's result for one page load, and how long the run took. */
async function runOnce(url: string, flags: Flags, config?: Config): Promise<{ lhr: Result | undefined; seconds: number }> {
  const started = performance.now();
  const lhr = (await lighthouse(url, flags, config))?.lhr;
  return { lhr, seconds: (performance.now() - started) / 1000 };
}

/**
 * Audits one page. A run Lighthouse itself reports as broken is repeated: NO_NAVSTART (a trace
 * without the navigation in it) comes up now and then on a busy machine, and Lighthouse says to run again.
 */
async function audit(url: string, flags: Flags, config?: Config): Promise<Run> {
  let { lhr, seconds } = await runOnce(url, flags, config);
  for (let attempt = 2; lhr?.runtimeError && attempt <= ATTEMPTS; attempt++) {
    process.stderr.write(`lighthouse ${url}: ${lhr.runtimeError.code}, running it again\n`);
    ({ lhr, seconds } = await runOnce(url, flags, config));
  }
  if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
  if (lhr.runtimeError) {
    throw new Error(`Lighthouse could not audit ${url} in ${ATTEMPTS} runs: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: is the session cookie valid?`);
  }
  const score = (id: string) => Math.round(lhr.categories[id]!.score! * 100);
  const run = { performance: score("performance"), accessibility: score("accessibility"), failing: failingAudits(lhr) };
  process.stderr.write(
    `lighthouse ${lhr.configSettings.formFactor} ${url}: performance ${run.performance}, accessibility ${run.accessibility} (${seconds.toFixed(1)} s)\n`,
  );
  return run;
}

async function warmUp(url: string, cookie: string): Promise<void> {
  for (let i = 0; i < WARMUP_REQUESTS; i++) {
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status} to the warm-up request`);
  }
}

/** Audits each path of `base` `mobileRuns` times with the default (mobile) settings and once with the desktop preset, in one Chromium. */
export async function lighthouseScores(
  base: string,
  cookie: string,
  paths: string[],
  mobileRuns = 1,
): Promise<Record<string, LighthouseScores>> {
  const urls = paths.map((address) => new URL(address, base).href);
  for (const url of urls) await warmUp(url, cookie);
  const userDataDir = mkdtempSync(path.join(tmpdir(), "mastery-lighthouse-"));
  try {
    const chrome = await launch({ chromePath: ensureChromium(), chromeFlags: CHROME_FLAGS, userDataDir, logLevel: "silent" });
    try {
      const flags: Flags = {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
        extraHeaders: { Cookie: cookie },
      };
      const scores: Record<string, LighthouseScores> = {};
      for (const [index, address] of paths.entries()) {
        const mobile: Run[] = [];
        for (let run = 0; run < mobileRuns; run++) mobile.push(await audit(urls[index]!, flags));
        const desktop = await audit(urls[index]!, flags, desktopConfig);
        const worst = mobile.reduce((low, run) => (run.performance < low.performance ? run : low));
        scores[address] = {
          runs: mobile.map(({ performance, accessibility }) => ({ performance, accessibility })),
          performance: worst.performance,
          accessibility: Math.min(...mobile.map((run) => run.accessibility)),
          failing: worst.failing,
          desktopPerformance: desktop.performance,
          desktopAccessibility: desktop.accessibility,
          desktopFailing: desktop.failing,
        };
      }
      return scores;
    } finally {
      chrome.kill();
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10 });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const [base, cookie, ...paths] = process.argv.slice(2);
  if (!base || !cookie || paths.length === 0) {
    console.error("usage: npx tsx scripts/bench/lighthouse.ts <base URL> <cookie name=value> <path...>");
    process.exit(2);
  }
  const scores = await lighthouseScores(base, cookie, paths);
  console.log("| page | mobile performance | mobile accessibility | desktop performance | desktop accessibility |\n|---|---|---|---|---|");
  for (const [address, s] of Object.entries(scores)) {
    console.log(`| ${address} | ${s.performance} | ${s.accessibility} | ${s.desktopPerformance} | ${s.desktopAccessibility} |`);
  }
  for (const [address, s] of Object.entries(scores)) {
    for (const [label, lines] of [
      ["mobile", s.failing],
      ["desktop", s.desktopFailing],
    ] as const) {
      if (lines.length) console.log(`\n${address} (${label}), below 1:\n${lines.map((line) => `  - ${line}`).join("\n")}`);
    }
  }
  process.exit(0);
}
