import { describe, expect, it } from "vitest";
import { LruMap, lruMemo } from "./lru";

describe("lruMemo", () => {
  it("computes once per key and drops the least recently used key past its limit", () => {
    const computed: string[] = [];
    const memo = lruMemo<string>(2);
    const get = (key: string) => memo(key, () => (computed.push(key), key.toUpperCase()));
    expect([get("a"), get("b"), get("a")]).toEqual(["A", "B", "A"]);
    expect(computed).toEqual(["a", "b"]);
    get("c"); // "b" was used least recently
    get("a");
    get("b");
    expect(computed).toEqual(["a", "b", "c", "b"]);
  });
});

describe("LruMap", () => {
  it("keeps at most its limit, dropping the entry read or written least recently", () => {
    const map = new LruMap<number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1); // "b" is now the least recently used
    map.set("c", 3);
    expect([map.get("a"), map.get("b"), map.get("c"), map.size]).toEqual([1, undefined, 3, 2]);
    map.set("a", 4); // writing an existing key replaces it without growing
    expect([map.get("a"), map.size]).toEqual([4, 2]);
    map.delete("a");
    expect([map.get("a"), map.size]).toEqual([undefined, 1]);
  });

  it("with weights, keeps the most recent entries whose weights fit the limit", () => {
    const map = new LruMap<string>(10, (key) => key.length);
    map.set("aaaa", "1");
    map.set("bbbb", "2");
    map.get("aaaa");
    map.set("cc", "3"); // 4 + 4 + 2 = 10: all fit
    expect(map.size).toBe(3);
    map.set("d", "4"); // 11: "bbbb", the least recently used, goes
    expect([map.get("bbbb"), map.get("aaaa"), map.get("cc"), map.get("d")]).toEqual([undefined, "1", "3", "4"]);
    map.set("e".repeat(20), "5"); // heavier than the limit alone: kept, everything else goes
    expect([map.size, map.get("e".repeat(20))]).toEqual([1, "5"]);
  });
});
