import { describe, expect, it } from "vitest";
import { lruMemo } from "./lru";

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
