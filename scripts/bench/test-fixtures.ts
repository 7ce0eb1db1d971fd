// A step of open-loop load as the benchmark tests describe one.
import type { OpenLoopResult } from "./open-loop";

export const openLoopResult = (over: Partial<OpenLoopResult> = {}): OpenLoopResult => ({
  learners: 100,
  reviewers: 10,
  agents: 10,
  offeredPerSecond: 7.2,
  pages: { count: 200, p50: 40, p95: 300, p99: 1000, max: 1200 },
  writes: { count: 20, p50: 30, p95: 60, p99: 80, max: 90 },
  api: { count: 30, p50: 10, p95: 20, p99: 30, max: 40 },
  byName: { dashboard: { count: 50, p50: 50, p95: 280, p99: 900, max: 950 } },
  errors: 0,
  errorSamples: [],
  maxSendLagMs: 2,
  decided: [],
  primingSeconds: 20,
  loadStartedAt: 0,
  ...over,
});
