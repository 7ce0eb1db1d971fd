import { describe, expect, it } from "vitest";
import { count, nounFor } from "./plural";

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
