// What is worked out from a learner's whole library (the search index, the playbook's headings
// and broken links) is kept in memory until the library changes. Every save adds a row or raises
// a version and nothing is deleted, so the count and version sum of the learner's patterns and
// entries change with every save. Each value is a few hundred kilobytes for a large library.
import { db } from "../db";
import { stampedMemo } from "../stamped-memo";

/** Libraries whose derived values are kept: a server's active learners come back within minutes. */
const memo = stampedMemo("library", 64);

async function libraryStamp(learnerId: string): Promise<string> {
  const client = await db();
  const [patterns, entries] = await Promise.all([
    client.pattern.aggregate({ where: { learnerId }, _count: { _all: true }, _sum: { version: true } }),
    client.playbookEntry.aggregate({ where: { learnerId }, _count: { _all: true }, _sum: { version: true } }),
  ]);
  return `${patterns._count._all}:${patterns._sum.version ?? 0}:${entries._count._all}:${entries._sum.version ?? 0}`;
}

/**
 * `compute()` for this learner, or what it gave last time if their library has not changed
 * since. Callers share the result: they must not change it.
 */
export async function whileLibraryUnchanged<T>(name: string, learnerId: string, compute: () => Promise<T>): Promise<T> {
  return memo(`${name}\u0000${learnerId}`, await libraryStamp(learnerId), compute);
}
