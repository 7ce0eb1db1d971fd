// Long synchronous work cut into slices, so that a request arriving meanwhile waits for one slice
// instead of the whole work: written once as a generator that yields between its items, it runs
// straight through where the caller needs the answer at once (`runAtOnce`) or gives the event
// loop a turn whenever a slice has taken SLICE_MS (`runInSlices`, or `pacer` in a loop).
import { setImmediate as nextTurn } from "node:timers/promises";

/** How long one slice of work may hold the event loop. */
const SLICE_MS = 20;

/** A step to await between the items of long work: it gives the event loop a turn once SLICE_MS have passed since the last turn. */
export function pacer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await nextTurn();
    since = performance.now();
  };
}

/** Runs sliced work to its end without a pause. */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs sliced work, giving the event loop a turn between slices. */
export async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  const pause = pacer();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
