import { describe, expect, it } from "vitest";
import { count, nounFor, itemsShown, span } from "./plural";

describe("counts in words", () => {
  it("uses the singular for exactly one", () => {
    expect(count(1, "module")).toBe("1 module");
    expect(count(1, "entry", "entries")).toBe("1 entry");
  });

  it("uses the plural for zero, many and fractions", () => {
    expect(count(0, "module")).toBe("0 modules");
    expect(count(2, "exercise")).toBe("2 exercises");
    expect(count(36, "entry", "entries")).toBe("36 entries");
    expect(count(1.5, "hour")).toBe("1.5 hours");
  });

  it("gives the noun alone for a count shown elsewhere", () => {
    expect(nounFor(1, "week")).toBe("week");
    expect(nounFor(7, "day")).toBe("days");
    expect(nounFor(2, "child", "children")).toBe("children");
  });
});

describe("the items a page shows", () => {
  it("names a span of items, or the one item a page holds", () => {
    expect(itemsShown(3, 12, 239, "entry", "entries")).toBe("Entries 3–12 of 239");
    expect(itemsShown(15, 15, 239, "entry", "entries")).toBe("Entry 15 of 239");
    expect(itemsShown(1, 100, 10_000, "entry", "entries")).toBe("Entries 1–100 of 10,000");
  });

  it("gives the numbers alone without a noun", () => {
    expect(itemsShown(3, 12, 239)).toBe("3–12 of 239");
    expect(itemsShown(15, 15, 120)).toBe("15 of 120");
    expect(itemsShown(1_001, 1_001, 1_001)).toBe("1,001 of 1,001");
    expect(span(21, 40)).toBe("21–40");
    expect(span(1_001, 1_001)).toBe("1,001");
  });
});
