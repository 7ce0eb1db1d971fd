// What is worked out from a learner's whole library (the search index, the playbook's headings
// and broken links) is kept in memory until the library changes. Every save adds a row or raises
// a version and nothing is deleted, so the count and version sum of the learner's patterns and
// entries change with every save. The most recently used few dozen are kept (each is a few hundred
// kilobytes for a large library), so memory stays the same however many learners a server has.
import { db } from "../db";
import { LruMap } from "../lru";

/** Libraries whose derived values are kept: a server's active learners come back within minutes. */
const KEPT = 64;

async function libraryStamp(learnerId: string): Promise<string> {
  const client = await db();
  const [patterns, entries] = await Promise.all([
    client.pattern.aggregate({ where: { learnerId }, _count: { _all: true }, _sum: { version: true } }),
    client.playbookEntry.aggregate({ where: { learnerId }, _count: { _all: true }, _sum: { version: true } }),
  ]);
  return `${patterns._count._all}:${patterns._sum.version ?? 0}:${entries._count._all}:${entries._sum.version ?? 0}`;
}

const cache = globalThis as unknown as { masteryLibraryMemo?: LruMap<{ stamp: string; value: Promise<unknown> }> };

/**
 * `compute()` for this learner, or what it gave last time if their library has not changed
 * since. Callers share the result: they must not change it.
 */
export async function whileLibraryUnchanged<T>(name: string, learnerId: string, compute: () => Promise<T>): Promise<T> {
  const store = (cache.masteryLibraryMemo ??= new LruMap(KEPT));
  const key = `${name}\u0000${learnerId}`;
  const stamp = await libraryStamp(learnerId);
  const hit = store.get(key);
  if (hit?.stamp === stamp) return hit.value as Promise<T>;
  const value = compute();
  store.set(key, { stamp, value });
  try {
    return await value;
  } catch (error) {
    if (store.get(key)?.value === value) store.delete(key);
    throw error;
  }
}
