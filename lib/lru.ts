// A bounded memo for pure work done on the same input again and again (rendering or parsing the
// same texts on every request): the most recently used results are kept, the oldest dropped.
export function lruMemo<V>(limit: number): (key: string, compute: () => V) => V {
  const kept = new Map<string, V>();
  return (key, compute) => {
    if (kept.has(key)) {
      const hit = kept.get(key)!;
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const value = compute();
    kept.set(key, value);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return value;
  };
}
