// Bounded memory for work done on the same input again and again (rendering or parsing the same
// texts, what is worked out from a learner's library): the most recently used results are kept,
// the least recently used dropped past a limit, so a server with many learners holds a fixed
// amount however many of them it has served.

/** A map of at most `limit` entries; reading an entry makes it the most recently used. */
export class LruMap<V> {
  private readonly kept = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    if (!this.kept.has(key)) return undefined;
    const value = this.kept.get(key)!;
    this.kept.delete(key);
    this.kept.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.kept.delete(key);
    this.kept.set(key, value);
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
  }

  delete(key: string): void {
    this.kept.delete(key);
  }

  get size(): number {
    return this.kept.size;
  }
}

/** `compute()` once per key while the key stays among the `limit` most recently used. */
export function lruMemo<V>(limit: number): (key: string, compute: () => V) => V {
  const kept = new LruMap<{ value: V }>(limit);
  return (key, compute) => {
    const hit = kept.get(key);
    if (hit) return hit.value;
    const value = compute();
    kept.set(key, { value });
    return value;
  };
}
