// Bounded memory for work done on the same input again and again (rendering or parsing the same
// texts, what is worked out from a learner's library): the most recently used results are kept,
// the least recently used dropped past a limit, so a server with many learners holds a fixed
// amount however many of them it has served.

/**
 * A map of at most `limit` entries, or, with `weigh`, of entries whose weights add up to at most
 * `limit` (the newest entry is kept even when it alone weighs more); reading an entry makes it the
 * most recently used.
 */
export class LruMap<V> {
  private readonly kept = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (key: string, value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    this.kept.delete(key);
    this.kept.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const weight = this.weigh(key, value);
    this.kept.set(key, { value, weight });
    this.total += weight;
    while (this.total > this.limit && this.kept.size > 1) this.delete(this.kept.keys().next().value!);
  }

  delete(key: string): void {
    const entry = this.kept.get(key);
    if (!entry) return;
    this.kept.delete(key);
    this.total -= entry.weight;
  }

  get size(): number {
    return this.kept.size;
  }
}

/** `compute()` once per key while the key stays among the most recently used (as `LruMap` counts them). */
export function lruMemo<V>(limit: number, weigh?: (key: string) => number): (key: string, compute: () => V) => V {
  const kept = new LruMap<{ value: V }>(limit, weigh);
  return (key, compute) => {
    const hit = kept.get(key);
    if (hit) return hit.value;
    const value = compute();
    kept.set(key, { value });
    return value;
  };
}
