import { describe, expect, it } from "vitest";
import { pageOf, pageStarts, pageWindow, paginate, paginateAt, parsePage } from "./pagination";

describe("parsePage", () => {
  it("reads a whole number from 1 and takes anything else as page 1", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(" 12 ")).toBe(12);
    expect(parsePage(["4", "5"])).toBe(4);
    for (const raw of [undefined, "", "abc", "0", "-2", "1.5", "2e3", "0x10", "9999999999"]) expect(parsePage(raw), String(raw)).toBe(1);
  });
});

describe("paginate", () => {
  it("gives the slice of each page, a last page that is not full, and an empty list one empty page", () => {
    expect(paginate(45, 20, 1)).toEqual({ page: 1, pages: 3, total: 45, starts: [0, 20, 40], from: 0, to: 20, outOfRange: false });
    expect(paginate(45, 20, 3)).toMatchObject({ from: 40, to: 45, outOfRange: false });
    expect(paginate(0, 20, 1)).toMatchObject({ pages: 1, from: 0, to: 0, outOfRange: false });
  });

  it("marks a page past the end as out of range, with nothing on it", () => {
    expect(paginate(45, 20, 4)).toMatchObject({ pages: 3, from: 45, to: 45, outOfRange: true });
    expect(paginate(0, 20, 2)).toMatchObject({ pages: 1, outOfRange: true });
  });

  it("finds the page of an item", () => {
    const { starts } = paginate(45, 20, 1);
    expect([0, 19, 20, 39, 40, 44].map((i) => pageOf(i, starts))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(pageOf(-1, starts)).toBe(1);
    expect(pageOf(0, [])).toBe(1);
  });
});

describe("pages bounded by size", () => {
  it("close a page at its item limit or before the item that would take it past its size limit", () => {
    expect(pageStarts([1, 1, 1, 1, 1], 2, 100)).toEqual([0, 2, 4]);
    expect(pageStarts([40, 40, 40, 10, 10], 10, 100)).toEqual([0, 2]);
    expect(pageStarts([], 20, 100)).toEqual([]);
  });

  it("give an item larger than the size limit a page of its own", () => {
    expect(pageStarts([10, 500, 10, 10], 20, 100)).toEqual([0, 1, 2]);
    expect(pageStarts([500, 500], 20, 100)).toEqual([0, 1]);
  });

  it("slice the list where its pages begin", () => {
    const starts = pageStarts([10, 500, 10, 10], 20, 100);
    expect(paginateAt(starts, 4, 1)).toMatchObject({ pages: 3, from: 0, to: 1, outOfRange: false });
    expect(paginateAt(starts, 4, 2)).toMatchObject({ from: 1, to: 2 });
    expect(paginateAt(starts, 4, 3)).toMatchObject({ from: 2, to: 4 });
    expect(paginateAt(starts, 4, 4)).toMatchObject({ from: 4, to: 4, outOfRange: true });
    expect(paginateAt([], 0, 1)).toMatchObject({ pages: 1, from: 0, to: 0, outOfRange: false });
  });
});

describe("pageWindow", () => {
  it("links the first, the last and the pages near the current one, marking gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(8, 15)).toEqual([1, null, 6, 7, 8, 9, 10, null, 15]);
    expect(pageWindow(4, 15)).toEqual([1, 2, 3, 4, 5, 6, null, 15]);
    expect(pageWindow(99, 15)).toEqual([1, null, 15]);
  });
});
