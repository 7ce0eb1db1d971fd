// How the living history of a plan (Decision Log entries, revision notes) changed between two
// revisions: entries kept word for word, rewritten, removed, added.
import type { Entry } from "./document";

export type HistoryChange = {
  kept: Entry[];
  rewritten: { before: Entry; after: Entry }[];
  removed: Entry[];
  added: Entry[];
};

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of `before`'s words still present in `after`. */
function kept(before: Set<string>, after: Set<string>): number {
  if (before.size === 0) return 0;
  let shared = 0;
  for (const word of before) if (after.has(word)) shared++;
  return shared / before.size;
}

/** An earlier entry counts as rewritten, not removed, when at least half of its words are in a new entry. */
const REWRITE_SIMILARITY = 0.5;

export function compareEntries(before: Entry[], after: Entry[]): HistoryChange {
  const unmatched = new Set(after.map((_, i) => i));
  const byText = new Map<string, number[]>();
  after.forEach((entry, i) => byText.set(entry.text, [...(byText.get(entry.text) ?? []), i]));
  const change: HistoryChange = { kept: [], rewritten: [], removed: [], added: [] };
  const rest: Entry[] = [];
  for (const entry of before) {
    const index = byText.get(entry.text)?.find((i) => unmatched.has(i));
    if (index === undefined) rest.push(entry);
    else {
      unmatched.delete(index);
      change.kept.push(entry);
    }
  }
  for (const entry of rest) {
    const words = wordsOf(entry.text);
    let best: { index: number; score: number } | null = null;
    for (const index of unmatched) {
      const score = kept(words, wordsOf(after[index]!.text));
      if (score >= REWRITE_SIMILARITY && (!best || score > best.score)) best = { index, score };
    }
    if (best) {
      unmatched.delete(best.index);
      change.rewritten.push({ before: entry, after: after[best.index]! });
    } else change.removed.push(entry);
  }
  change.added = [...unmatched].sort((a, b) => a - b).map((i) => after[i]!);
  return change;
}
