import type { LighthouseResult } from "./report";
export async function lighthouseScores(base: string, cookie: string, paths: string[]): Promise<Record<string, LighthouseResult>> {
  return Object.fromEntries(paths.map((p) => [p, { performance: 0, accessibility: 0, desktopPerformance: 0, desktopAccessibility: 0, failing: [base, cookie] }]));
}
