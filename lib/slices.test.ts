import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { MAX_GIVE_WAY_MS, runAtOnce, runInSlices } from "./slices";

/** Holds the event loop for `ms`. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

function* items(count: number, log: string[]): Generator<void, number> {
  for (let i = 0; i < count; i += 1) {
    busy(4);
    log.push("item");
    yield;
  }
  return count;
}

describe("sliced work", () => {
  it("runs to its end at once, or in slices, with the same answer", async () => {
    expect(runAtOnce(items(5, []))).toBe(5);
    expect(await runInSlices(items(5, []))).toBe(5);
  });

  it("lets other work that arrives meanwhile run all its turns before it takes another slice", async () => {
    const log: string[] = [];
    // A request rendering in ten turns of the event loop, while the long work runs.
    let requestMs = 0;
    const request = (async () => {
      const started = performance.now();
      for (let turn = 0; turn < 10; turn += 1) {
        await nextTurn();
        busy(1);
        log.push("request");
      }
      requestMs = performance.now() - started;
    })();
    await Promise.all([runInSlices(items(60, log)), request]);
    const itemsBeforeRequestEnded = log.slice(0, log.lastIndexOf("request")).filter((entry) => entry === "item").length;
    // A slice is at most three items (10 ms at 4 ms an item). One runs before the request's first
    // turn, and at most one more each time the request outlasts the longest wait: once on an idle
    // machine, more only where a busy machine stretches the request's ten turns.
    const slices = 1 + Math.max(1, Math.ceil(requestMs / MAX_GIVE_WAY_MS));
    expect(itemsBeforeRequestEnded).toBeLessThanOrEqual(3 * slices);
    expect(log.filter((entry) => entry === "item")).toHaveLength(60);
  });
});
