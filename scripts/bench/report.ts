// The benchmark's result: its shape, the budgets it is held to, the Markdown tables, and the
// comparison with an earlier run's JSON.
import type { LighthouseScores } from "./lighthouse";
import type { LoadResult } from "./load";

export type PageResult = { name: string; path: string; main: boolean; c1: LoadResult; c10: LoadResult; javascriptGzipBytes: number | null };
export type BenchResult = {
  at: string;
  dataset: Record<string, number>;
  pages: PageResult[];
  lighthouse: Record<string, LighthouseScores>;
  figures: Record<string, number>;
};
export type Budget = { name: string; limit: string; value: string; met: boolean };

const CEILING = "static file (ceiling)";
const STATIC_CONTENT_PAGES = ["module", "exercise"];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every budget of the performance issue, each with the measured value. */
export function evaluateBudgets(result: BenchResult): Budget[] {
  const ceiling = result.pages.find((p) => p.name === CEILING)!.c10.requestsPerSecond;
  const budgets: Budget[] = [];
  for (const page of result.pages.filter((p) => p.main)) {
    budgets.push({ name: `${page.name}: p95 at concurrency 10`, limit: "≤ 50 ms", value: ms(page.c10.p95Ms), met: page.c10.p95Ms <= 50 });
    if (page.javascriptGzipBytes !== null) {
      budgets.push({ name: `${page.name}: JavaScript (gzip)`, limit: "≤ 120 KB", value: kb(page.javascriptGzipBytes), met: page.javascriptGzipBytes <= 120 * 1024 });
    }
    if (STATIC_CONTENT_PAGES.includes(page.name)) {
      const ratio = page.c10.requestsPerSecond / ceiling;
      budgets.push({ name: `${page.name}: throughput / static ceiling`, limit: "≥ 50%", value: `${(ratio * 100).toFixed(1)}%`, met: ratio >= 0.5 });
    }
  }
  for (const [page, scores] of Object.entries(result.lighthouse)) {
    budgets.push({ name: `${page}: Lighthouse performance`, limit: "≥ 95", value: String(scores.performance), met: scores.performance >= 95 });
    budgets.push({ name: `${page}: Lighthouse accessibility`, limit: "100", value: String(scores.accessibility), met: scores.accessibility === 100 });
  }
  const figure = (key: string) => result.figures[key]!;
  budgets.push(
    { name: "playbook export p95", limit: "≤ 300 ms", value: ms(figure("playbook export (one file) p95 (ms)")), met: figure("playbook export (one file) p95 (ms)") <= 300 },
    { name: "search p95 (in process)", limit: "≤ 50 ms", value: ms(figure("search, content and library p95 (ms)")), met: figure("search, content and library p95 (ms)") <= 50 },
  );
  const apiSearch = result.pages.find((p) => p.name === "API: search");
  if (apiSearch) budgets.push({ name: "search p95 (API, concurrency 10)", limit: "≤ 50 ms", value: ms(apiSearch.c10.p95Ms), met: apiSearch.c10.p95Ms <= 50 });
  const hostile = result.figures["health p95 during a hostile library upload (ms)"];
  if (hostile !== undefined) budgets.push({ name: "health p95 during a hostile library upload", limit: "≤ 250 ms", value: ms(hostile), met: hostile <= 250 });
  for (const command of ["--help", "status"]) {
    const median = result.figures[`CLI: mastery ${command} median (ms)`];
    if (median !== undefined) budgets.push({ name: `mastery ${command} (whole process, median)`, limit: "≤ 300 ms", value: ms(median), met: median <= 300 });
  }
  const importWait = result.figures["longest wait of a read during a large library import (ms)"];
  if (importWait !== undefined)
    budgets.push({ name: "longest wait of other requests during a 1,300-item library import", limit: "≤ 250 ms", value: ms(importWait), met: importWait <= 250 });
  budgets.push({ name: "server peak memory", limit: "≤ 400 MB", value: `${figure("server peak memory (MB)").toFixed(0)} MB`, met: figure("server peak memory (MB)") <= 400 });
  return budgets;
}

/** Every number of a result under a stable key, for comparing two runs. */
function flatten(result: BenchResult): Record<string, number> {
  const flat: Record<string, number> = { ...result.figures };
  for (const page of result.pages) {
    for (const c of ["c1", "c10"] as const) {
      flat[`${page.name} ${c} median (ms)`] = page[c].medianMs;
      flat[`${page.name} ${c} p95 (ms)`] = page[c].p95Ms;
      flat[`${page.name} ${c} req/s`] = page[c].requestsPerSecond;
    }
    if (page.javascriptGzipBytes !== null) flat[`${page.name} JavaScript (gzip KB)`] = page.javascriptGzipBytes / 1024;
  }
  for (const [page, scores] of Object.entries(result.lighthouse)) {
    flat[`${page} Lighthouse performance`] = scores.performance;
    flat[`${page} Lighthouse accessibility`] = scores.accessibility;
  }
  return flat;
}

export type Comparison = { key: string; before: number; after: number }[];

export function compareResults(after: BenchResult, before: BenchResult): Comparison {
  const old = flatten(before);
  return Object.entries(flatten(after))
    .filter(([key]) => key in old)
    .map(([key, value]) => ({ key, before: old[key]!, after: value }));
}

export const table = (head: string[], rows: string[][]) => [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const fixed = (n: number, digits = 1) => n.toFixed(digits);

export function renderMarkdown(result: BenchResult, budgets: Budget[], comparison?: Comparison): string {
  const ceiling = result.pages.find((p) => p.name === CEILING)!.c10.requestsPerSecond;
  const pages = table(
    ["address", "c1 median", "c1 p95", "c1 req/s", "c10 median", "c10 p95", "c10 req/s", "vs static", "JS gzip", "HTML"],
    result.pages.map((p) => [
      `${p.name} \`${p.path.length > 40 ? `${p.path.slice(0, 37)}…` : p.path}\``,
      ms(p.c1.medianMs),
      ms(p.c1.p95Ms),
      fixed(p.c1.requestsPerSecond),
      ms(p.c10.medianMs),
      ms(p.c10.p95Ms),
      fixed(p.c10.requestsPerSecond),
      `${fixed((p.c10.requestsPerSecond / ceiling) * 100)}%`,
      p.javascriptGzipBytes === null ? "" : kb(p.javascriptGzipBytes),
      kb(p.c10.bytes),
    ]),
  );
  const lighthouse = table(
    ["page", "performance (mobile)", "accessibility (mobile)", "performance (desktop)", "accessibility (desktop)"],
    Object.entries(result.lighthouse).map(([page, s]) => [page, String(s.performance), String(s.accessibility), String(s.desktopPerformance), String(s.desktopAccessibility)]),
  );
  // Audits that count towards the score (weight above 0) and the machine's load; the JSON keeps them all.
  const counted = (line: string) => !/, weight 0\)/.test(line);
  const audits = Object.entries(result.lighthouse)
    .flatMap(([page, s]) => [
      ...s.failing.filter(counted).map((line) => `- ${page} (mobile): ${line}`),
      ...s.desktopFailing.filter(counted).map((line) => `- ${page} (desktop): ${line}`),
    ])
    .join("\n");
  const figures = table(["measure", "value"], Object.entries(result.figures).map(([key, value]) => [key, fixed(value)]));
  const dataset = Object.entries(result.dataset)
    .map(([what, n]) => `${n.toLocaleString("en")} ${what}`)
    .join(", ");
  const verdicts = table(["budget", "limit", "measured", "met"], budgets.map((b) => [b.name, b.limit, b.value, b.met ? "yes" : "**no**"]));
  const missed = budgets.filter((b) => !b.met).length;
  const sections = [
    `# Benchmark ${result.at}`,
    `Dataset: ${dataset}. Production build on 127.0.0.1; load from a second process over keep-alive connections; times are to the last byte.`,
    `## Pages and API reads\n\n${pages}`,
    `## Lighthouse\n\n${lighthouse}${audits ? `\n\nBelow full marks:\n\n${audits}` : ""}`,
    `## Exports, content, search, CLI, memory\n\n${figures}`,
    `## Budgets: ${budgets.length - missed} met, ${missed} missed\n\n${verdicts}`,
  ];
  if (comparison) {
    sections.push(
      `## Compared with the earlier run\n\n${table(
        ["measure", "before", "after", "change"],
        comparison.map((c) => [c.key, fixed(c.before), fixed(c.after), c.before === 0 ? "" : `${c.after >= c.before ? "+" : ""}${fixed(((c.after - c.before) / c.before) * 100)}%`]),
      )}`,
    );
  }
  return `${sections.join("\n\n")}\n`;
}
