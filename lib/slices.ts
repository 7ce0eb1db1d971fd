// Long synchronous work cut into slices, so that requests arriving meanwhile go first: written once
// as a generator that yields between its items, it runs straight through where the caller needs the
// answer at once (`runAtOnce`), or, once a slice has taken SLICE_MS, gives way to other work until
// the event loop is idle again (`runInSlices`, or `pacer` in a loop). A page rendered during an
// import then waits for at most one slice, not one slice for each of its own turns.
import { setImmediate as nextTurn } from "node:timers/promises";

/** How long one slice of work may hold the event loop. */
const SLICE_MS = 10;
/** A turn of the event loop that took longer than this ran someone else's work. */
const BUSY_TURN_MS = 0.5;
/** The longest long work gives way before it takes its next slice, however busy the server is. */
export const MAX_GIVE_WAY_MS = 100;

/** Turns of the event loop until one comes back at once (nothing else is waiting to run), or MAX_GIVE_WAY_MS have passed. */
async function giveWay(): Promise<void> {
  const started = performance.now();
  for (;;) {
    const before = performance.now();
    await nextTurn();
    const now = performance.now();
    if (now - before < BUSY_TURN_MS || now - started > MAX_GIVE_WAY_MS) return;
  }
}

/** A step to await between the items of long work: once SLICE_MS have passed since the last pause, it gives way to other work. */
export function pacer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await giveWay();
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

/** Runs sliced work, giving way to other work between slices. */
export async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  const pause = pacer();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
