// The bundled programs as shipped: structure the learner and the reviewer rely on.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { failingProblems, loadContent } from "./loader";
import { REQUIRED_MODULE_SECTIONS } from "./schema";
import { searchContent } from "./search";

const content = loadContent(path.resolve("content"));
const codex = content.programs.find((p) => p.slug === "codex-mastery")!;

describe("the Codex Code Mastery Program", () => {
  it("has no content problems at all", () => {
    expect(content.problems.filter((p) => p.program === "codex-mastery")).toEqual([]);
  });

  it("has 8 modules and 36 exercises with the seed's per-module counts", () => {
    expect(codex.meta.default).toBe(true);
    expect(codex.modules.map((m) => m.meta.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(codex.modules.map((m) => m.exercises.length)).toEqual([5, 5, 4, 5, 4, 5, 4, 4]);
  });

  it("follows the seed's learning path", () => {
    expect(codex.modules.map((m) => m.meta.prerequisites)).toEqual([[], [1], [1], [1], [1, 2, 3, 4], [1, 2, 3, 4], [5, 6], [5, 6]]);
  });

  it("gives every module every work-packet section and the template's module-specific blocks", () => {
    for (const m of codex.modules) {
      for (const id of REQUIRED_MODULE_SECTIONS) expect(m.sections[id]?.content, `${m.slug} ${id}`).toBeTruthy();
      expect(m.meta.outcomes.length).toBeGreaterThanOrEqual(3);
      expect(m.meta.exitTicket).toHaveLength(3);
    }
    const blocks = Object.fromEntries(codex.modules.map((m) => [m.meta.number, Object.keys(m.sections)]));
    expect(blocks[2]).toContain("break-fix");
    expect(blocks[3]).toContain("timebox");
    expect(blocks[4]).toContain("decision-framework");
    expect(blocks[5]).toContain("review-checklist");
    expect(blocks[6]).toEqual(expect.arrayContaining(["recovery-tree", "incident-drill"]));
    expect(blocks[7]).toContain("rescue-drill");
    expect(blocks[8]).toEqual(expect.arrayContaining(["dual-track", "capstone"]));
  });

  it("gives every exercise objectives, success criteria, hints, a solution and reflection questions, easy to hard", () => {
    const order = ["easy", "medium", "hard"];
    for (const m of codex.modules) {
      const levels = m.exercises.map((e) => order.indexOf(e.meta.difficulty));
      expect(levels, m.slug).toEqual([...levels].sort());
      for (const e of m.exercises) {
        expect(e.meta.objectives.length, e.slug).toBeGreaterThan(0);
        expect(e.meta.successCriteria.length, e.slug).toBeGreaterThan(0);
        expect(e.parts.hints.length, e.slug).toBeGreaterThanOrEqual(2);
        expect(e.parts.solution.length, e.slug).toBeGreaterThan(100);
        expect(e.parts.reflection.length, e.slug).toBeGreaterThan(20);
      }
    }
  });

  it("is searchable: an exercise is found by a word from its text", () => {
    const hits = searchContent(content, "bisect");
    expect(hits.some((hit) => hit.kind === "exercise" && hit.url.includes("/modules/quality/"))).toBe(true);
  });
});

describe("the async-plan template program", () => {
  const template = content.programs.find((p) => p.slug === "async-plan-template");

  it("mirrors the template's eight generic modules and is not the default", () => {
    expect(template?.meta.template).toBe(true);
    expect(template?.meta.default).toBe(false);
    expect(template?.modules.map((m) => m.meta.title)).toEqual([
      "Orientation",
      "Setup",
      "Core Loop",
      "Complexity",
      "Collaboration",
      "Recovery",
      "Productivity & Organization",
      "Professional Workflow & Capstone",
    ]);
  });

  it("only has placeholders left to fill, which do not fail the check", () => {
    const own = content.problems.filter((p) => p.program === "async-plan-template");
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((p) => p.kind === "error")).toEqual([]);
    expect(failingProblems(content)).toEqual([]);
  });
});
