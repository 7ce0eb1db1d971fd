// The proficiency end-state from the bundled program: which modules train each dimension (read
// from the content once per program) and the learner's evidence behind it.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { moduleByNumber } from "../content";
import { loadContent } from "../content/loader";
import { DIMENSIONS } from "../rubric/rubric";
import { endState, type ModuleStanding } from "./capabilities";

const codex = loadContent(path.resolve("content")).programs.find((p) => p.slug === "codex-mastery")!;

describe("endState", () => {
  it("lists the modules whose drills, failure modes or exercises train each dimension", () => {
    const rows = endState(codex, []);
    expect(rows.map((r) => r.dimension)).toEqual([...DIMENSIONS]);
    for (const row of rows) {
      const expected = codex.modules
        .filter(
          (m) =>
            m.meta.drills.some((d) => d.dimensions.includes(row.dimension)) ||
            m.meta.failureModes.some((f) => f.dimension === row.dimension) ||
            m.exercises.some((e) => e.meta.dimensions.includes(row.dimension)),
        )
        .map((m) => m.meta.number);
      expect(row.modules).toEqual(expected);
    }
    expect(endState(codex, [])[0]!.modules).toBe(rows[0]!.modules);
  });

  it("counts the drill attempts and exercise results that train each dimension", () => {
    const mod = moduleByNumber(codex, 1)!;
    const drill = mod.meta.drills[0]!;
    const exercise = mod.exercises[0]!;
    const standing: ModuleStanding = {
      number: 1,
      title: mod.meta.title,
      status: "in_progress",
      imported: false,
      attempt: 1,
      packetId: "p1",
      evidence: [],
      drillAttempts: [{ drillId: drill.id, passed: true, withinTimebox: null }],
      exercisesDone: [exercise.slug],
      latest: null,
    };
    for (const row of endState(codex, [standing])) {
      expect(row.drillAttempts).toBe(drill.dimensions.includes(row.dimension) ? 1 : 0);
      expect(row.exerciseResults).toBe(exercise.meta.dimensions.includes(row.dimension) ? 1 : 0);
    }
  });
});

describe("moduleByNumber", () => {
  it("finds a module by its number, or null", () => {
    expect(moduleByNumber(codex, 3)?.meta.number).toBe(3);
    expect(moduleByNumber(codex, 99)).toBeNull();
  });
});
