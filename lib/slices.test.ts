import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { runAtOnce, runInSlices } from "./slices";

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
    const request = (async () => {
      for (let turn = 0; turn < 10; turn += 1) {
        await nextTurn();
        busy(1);
        log.push("request");
      }
    })();
    await Promise.all([runInSlices(items(60, log)), request]);
    const itemsBeforeRequestEnded = log.slice(0, log.lastIndexOf("request")).filter((entry) => entry === "item").length;
    // One slice (10 ms at 4 ms an item: three items) runs before the request's first turn; at
    // most one more may run if the machine is so slow that the request outlasts the longest wait.
    expect(itemsBeforeRequestEnded).toBeLessThanOrEqual(6);
    expect(log.filter((entry) => entry === "item")).toHaveLength(60);
  });
});
