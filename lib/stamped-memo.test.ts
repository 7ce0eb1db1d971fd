import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { stampedMemo } from "./stamped-memo";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

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

  it("does not keep the async context of the request that computed a value", async () => {
    // As Next.js keeps a request's state: every promise made under it carries it.
    const requests = new AsyncLocalStorage<{ state: number[] }>();
    const memo = stampedMemo("test: contexts", 4);
    let request: WeakRef<object> | undefined;
    await (async () => {
      const state = { state: Array.from({ length: 1000 }, (_, i) => i) };
      request = new WeakRef(state);
      await requests.run(state, () => memo("ada", "1", async () => ({ run: 1 })));
    })();
    await nextTurn();
    collectGarbage();
    await nextTurn();
    expect(request!.deref()).toBeUndefined();
    expect(await memo("ada", "1", async () => ({ run: 2 }))).toEqual({ run: 1 });
  });
});
