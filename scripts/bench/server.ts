// Pieces the benchmarks (and the hostile-upload browser test) share: waiting for a started
// server, reading percentiles, and timing the health check while other work runs.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Resolves once `${base}/api/health` answers, or throws after 150 s. */
export async function waitForServer(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not start within 150 s");
}

/** Latencies (ms) of GET `url`, asked one at a time until `work` settles (at least once): how the server answers meanwhile. */
export async function latenciesDuring(url: string, headers: Record<string, string>, work: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const latencies: number[] = [];
  do {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    latencies.push(performance.now() - started);
  } while (!settled);
  return latencies;
}

/** Latencies (ms) of `${base}/api/health` until `work` settles. */
export function healthLatenciesDuring(base: string, work: Promise<unknown>): Promise<number[]> {
  return latenciesDuring(`${base}/api/health`, {}, work);
}
