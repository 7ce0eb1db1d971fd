import { describe, expect, it } from "vitest";
import { pageOf, pageWindow, paginate, parsePage } from "./pagination";

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
    expect(paginate(45, 20, 1)).toEqual({ page: 1, pages: 3, total: 45, pageSize: 20, from: 0, to: 20, outOfRange: false });
    expect(paginate(45, 20, 3)).toMatchObject({ from: 40, to: 45, outOfRange: false });
    expect(paginate(0, 20, 1)).toMatchObject({ pages: 1, from: 0, to: 0, outOfRange: false });
  });

  it("marks a page past the end as out of range, with nothing on it", () => {
    expect(paginate(45, 20, 4)).toMatchObject({ pages: 3, from: 45, to: 45, outOfRange: true });
    expect(paginate(0, 20, 2)).toMatchObject({ pages: 1, outOfRange: true });
  });

  it("finds the page of an item", () => {
    expect([0, 19, 20, 39, 40].map((i) => pageOf(i, 20))).toEqual([1, 1, 2, 2, 3]);
    expect(pageOf(-1, 20)).toBe(1);
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
