// The mastery command timed as a whole process, the way a person or an agent runs it: each run a
// fresh `node bin/mastery.js …`, one at a time, after one warm-up run.
import { spawnSync } from "node:child_process";
import path from "node:path";

/** Wall times (ms) of `mastery <args>` with `env` added; throws when a run does not exit 0. */
export function timeCli(args: string[], env: Record<string, string>, runs = 10): number[] {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [path.resolve("bin", "mastery.js"), ...args], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    const elapsed = performance.now() - started;
    if (run.status !== 0) throw new Error(`mastery ${args.join(" ")} exited ${run.status ?? run.signal}: ${run.stderr}`);
    if (i > 0) times.push(elapsed);
  }
  return times;
}
