// Values worked out from rows that are only ever added or given a new version, kept in memory
// until the database says they changed: a stamp read from it (counts, version sums, the latest
// moment) that every write to those rows changes. Reading a stamp is one small aggregate query,
// against many for the value. The most recently used values are kept up to a limit (lib/lru.ts), so
// memory stays the same however many learners a server has; every instance of a team server
// keeps its own and reads the same stamps.
import { LruMap } from "./lru";

// A value is kept settled, not as the promise that gave it: a promise made while serving a request
// carries that request's async context (Next.js keeps its request state in AsyncLocalStorage, and
// on Node 20 every promise made under it holds it), which a kept promise would keep in memory, some
// hundreds of kilobytes a value. Only a computation still under way is kept as its promise.
type Entry = { stamp: string; pending: Promise<unknown> | null; value?: unknown };
type Kept = LruMap<Entry>;

// On globalThis: a Next.js server bundle may load this module more than once.
const stores = ((globalThis as unknown as { masteryStampedMemos?: Map<string, Kept> }).masteryStampedMemos ??= new Map());

/**
 * A memo named `name` of at most `limit` values, or, with `weigh`, of values whose stamps weigh
 * at most `limit` together (a stamp's counts tell how much a value holds): `memo(key, stamp,
 * compute)` gives `compute(previous)`, or what it gave last time for `key` if the stamp is the
 * same. `previous` is the value kept for `key` under an older stamp, if any, for `compute` to
 * bring up to date (in place, if it likes: the kept value is replaced). Callers share the
 * result: they must not change it. A failed computation is not kept.
 */
export function stampedMemo(name: string, limit: number, weigh?: (stamp: string) => number) {
  const weight = weigh && ((_key: string, entry: Entry) => weigh(entry.stamp));
  const store = stores.get(name) ?? stores.set(name, new LruMap(limit, weight)).get(name)!;
  return async function whileUnchanged<T>(key: string, stamp: string, compute: (previous?: T) => Promise<T>): Promise<T> {
    const hit = store.get(key);
    if (hit?.stamp === stamp) return (hit.pending ?? hit.value) as T | Promise<T>;
    const pending = !hit ? compute() : hit.pending ? (hit.pending as Promise<T>).then(compute, () => compute()) : compute(hit.value as T);
    const entry: Entry = { stamp, pending };
    store.set(key, entry);
    try {
      const value = await pending;
      if (store.get(key) === entry) {
        entry.pending = null;
        entry.value = value;
      }
      return value;
    } catch (error) {
      if (store.get(key) === entry) store.delete(key);
      throw error;
    }
  };
}
