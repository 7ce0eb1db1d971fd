import { describe, expect, it } from "vitest";
import { stampedMemo } from "./stamped-memo";

describe("stampedMemo", () => {
  it("gives the kept value while the stamp is the same, and computes again when it changes", async () => {
    const memo = stampedMemo("test: stamps", 4);
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    const first = await memo("ada", "1", compute);
    expect(await memo("ada", "1", compute)).toBe(first);
    expect(await memo("ada", "2", compute)).toEqual({ run: 2 });
    expect(await memo("bob", "2", compute)).toEqual({ run: 3 });
  });

  it("keeps no failure, and at most the given number of values", async () => {
    const memo = stampedMemo("test: limits", 2);
    await expect(memo("ada", "1", () => Promise.reject(new Error("disk")))).rejects.toThrow("disk");
    expect(await memo("ada", "1", async () => "read")).toBe("read");
    await memo("bob", "1", async () => "bob");
    await memo("cy", "1", async () => "cy");
    expect(await memo("ada", "1", async () => "read again")).toBe("read again");
  });

  it("hands the value kept under an older stamp to the computation that replaces it", async () => {
    const memo = stampedMemo("test: previous", 4);
    const seen: (string[] | undefined)[] = [];
    const grow = (word: string) => async (previous?: string[]) => (seen.push(previous && [...previous]), [...(previous ?? []), word]);
    await memo("ada", "1", grow("a"));
    expect(await memo("ada", "2", grow("b"))).toEqual(["a", "b"]);
    await expect(memo("ada", "3", () => Promise.reject(new Error("disk")))).rejects.toThrow("disk");
    expect(await memo("ada", "3", grow("c"))).toEqual(["c"]);
    expect(seen).toEqual([undefined, ["a"], undefined]);
  });

  it("keeps values up to a weight read from their stamps, the newest even when it alone weighs more", async () => {
    const memo = stampedMemo("test: weights", 10, (stamp) => Number(stamp));
    let runs = 0;
    const compute = async () => ++runs;
    await memo("ada", "4", compute);
    await memo("bob", "5", compute);
    expect([await memo("ada", "4", compute), await memo("bob", "5", compute)]).toEqual([1, 2]);
    await memo("cy", "3", compute);
    expect(await memo("ada", "4", compute)).toBe(4);
    await memo("dee", "50", compute);
    expect(await memo("dee", "50", compute)).toBe(5);
    expect(await memo("cy", "3", compute)).toBe(6);
  });
});
