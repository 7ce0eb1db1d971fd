// What is worked out from a learner's whole library (the search index, the playbook's headings
// and broken links) is kept in memory until the library changes. Every save adds a row or raises
// a version and nothing is deleted, so the count and version sum of the learner's patterns and
// entries change with every save. A value's size grows with the library: a few kilobytes for a
// cohort's library of 65 items, a few megabytes for 1,300.
import { db } from "../db";
import { stampedMemo } from "../stamped-memo";

/**
 * Each kind of value is kept for the libraries most recently used, unless said otherwise up to
 * 2,000 patterns and entries behind them together: about 30 libraries of a cohort's size (65
 * items), or one of 1,300 items, some 8 MB for the search indexes at most. A server's active
 * learners come back within minutes; more would crowd the server's heap (MASTERY_SERVER_HEAP_MB)
 * under load.
 */
const KEPT_ITEMS = 2_000;
/** How many patterns and entries a library stamp counts (and one for the value itself). */
const itemsOf = (stamp: string) => {
  const [patterns = 0, , entries = 0] = stamp.split(":").map(Number);
  return 1 + patterns + entries;
};
const memos = new Map<string, ReturnType<typeof stampedMemo>>();

/**
 * The memo of the values named `name`, kept for libraries of `keptItems` patterns and entries
 * together, for a caller that reads the library's stamp once for more than one of them.
 */
export const libraryMemo = (name: string, keptItems = KEPT_ITEMS) =>
  memos.get(name) ?? memos.set(name, stampedMemo(`library: ${name}`, keptItems, itemsOf)).get(name)!;

/** A stamp every save to the learner's library changes. */
export async function libraryStamp(learnerId: string): Promise<string> {
  const client = await db();
  const [patterns, entries] = await Promise.all([
    client.pattern.aggregate({ where: { learnerId }, _count: { _all: true }, _sum: { version: true } }),
    client.playbookEntry.aggregate({ where: { learnerId }, _count: { _all: true }, _sum: { version: true } }),
  ]);
  return `${patterns._count._all}:${patterns._sum.version ?? 0}:${entries._count._all}:${entries._sum.version ?? 0}`;
}

/**
 * Which saved text of a pattern or entry a row holds: its version, and when it was saved (a
 * restore from an older backup can bring a version number back with another text).
 */
export const textVersion = (item: { version: number; updatedAt: Date }) => `${item.version}:${item.updatedAt.getTime()}`;

/**
 * `compute(previous)` for this learner, or what it gave last time if their library has not
 * changed since; `previous` is what it gave before the library changed, if it is still kept.
 * Callers share the result: they must not change it.
 */
export async function whileLibraryUnchanged<T>(name: string, learnerId: string, compute: (previous?: T) => Promise<T>): Promise<T> {
  return libraryMemo(name)(learnerId, await libraryStamp(learnerId), compute);
}
