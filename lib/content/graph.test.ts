import { describe, expect, it } from "vitest";
import { checkPrerequisites, moduleState, pathLanes } from "./graph";

const seedPath = [
  { number: 1, prerequisites: [] },
  { number: 2, prerequisites: [1] },
  { number: 3, prerequisites: [1] },
  { number: 4, prerequisites: [1] },
  { number: 5, prerequisites: [1, 2, 3, 4] },
  { number: 6, prerequisites: [1, 2, 3, 4] },
  { number: 7, prerequisites: [5, 6] },
  { number: 8, prerequisites: [5, 6] },
];

describe("prerequisite graph", () => {
  it("accepts the seed's learning path and lays it out in four lanes", () => {
    expect(checkPrerequisites(seedPath)).toEqual([]);
    expect(pathLanes(seedPath)).toEqual([[1], [2, 3, 4], [5, 6], [7, 8]]);
  });

  it("reports unknown modules and self-references", () => {
    expect(checkPrerequisites([{ number: 1, prerequisites: [1, 4] }])).toEqual([
      { module: 1, message: "module 1 lists itself as a prerequisite" },
      { module: 1, message: "unknown prerequisite: there is no module 4" },
    ]);
  });

  it("reports a cycle with its path", () => {
    const issues = checkPrerequisites([
      { number: 1, prerequisites: [3] },
      { number: 2, prerequisites: [1] },
      { number: 3, prerequisites: [2] },
    ]);
    expect(issues).toEqual([{ module: 1, message: "prerequisites form a cycle: 1 → 3 → 2 → 1" }]);
  });

  it("derives done, available and locked states from completed modules", () => {
    const completed = new Set([1, 2]);
    expect(seedPath.map((node) => moduleState(node, completed))).toEqual([
      "done",
      "done",
      "available",
      "available",
      "locked",
      "locked",
      "locked",
      "locked",
    ]);
  });
});
