// The hours rule: the module estimate and the checks built on it.
import { describe, expect, it } from "vitest";
import { assessmentTimeProblems, drillTimeProblems, estimateModuleMinutes, hoursProblems, statedHoursProblems } from "./hours";
import type { ModuleMeta } from "./schema";

type Drill = ModuleMeta["drills"][number];

function moduleWith(options: { hours?: [number, number]; drills?: Partial<Drill>[]; assessmentMinutes?: number; body?: string; exerciseMinutes?: number[] }) {
  const drills = (options.drills ?? []).map((d, i) => ({ id: `d${i}`, level: "easy", title: "T", prompt: "P", dimensions: ["speed"], ...d }) as Drill);
  const meta = {
    number: 1,
    title: "M",
    hours: { min: options.hours?.[0] ?? 1, max: options.hours?.[1] ?? 2 },
    assessmentMinutes: options.assessmentMinutes,
    prerequisites: [],
    topics: [],
    outcomes: [],
    failureModes: [],
    drills,
    exitTicket: [],
    artifacts: [],
    patterns: [],
    playbook: [],
    sections: [],
  } as unknown as ModuleMeta;
  const exercises = (options.exerciseMinutes ?? []).map((minutes, i) => ({ meta: { number: i + 1, minutes } }));
  return { meta, body: options.body ?? "", exercises };
}

describe("estimateModuleMinutes", () => {
  it("adds reading at 150 words a minute, exercises, unsatisfied drills and the mini-assessment", () => {
    const words = Array.from({ length: 1500 }, () => "word").join(" ");
    const estimate = estimateModuleMinutes(
      moduleWith({
        body: words,
        exerciseMinutes: [30, 45],
        assessmentMinutes: 60,
        drills: [{ satisfiedBy: 1, timebox: { reps: 1, minutes: 30 } }, { timebox: { reps: 3, minutes: 20 } }],
      }),
    );
    // The frontmatter's own text ("M", "T", "P" …) is read too.
    expect(estimate.readingWords).toBeGreaterThan(1500);
    expect(estimate.readingMinutes).toBeCloseTo(estimate.readingWords / 150);
    expect(estimate.exerciseMinutes).toBe(75);
    expect(estimate.drillMinutes).toBe(20);
    expect(estimate.assessmentMinutes).toBe(60);
    expect(estimate.totalMinutes).toBeCloseTo(estimate.readingMinutes + 155);
  });

  it("does not count punctuation or Markdown marks as words", () => {
    expect(estimateModuleMinutes(moduleWith({ body: "## Title\n\n- one | two — three ```" })).readingWords).toBeLessThan(
      estimateModuleMinutes(moduleWith({ body: "Title one two three four five six" })).readingWords,
    );
  });
});

describe("the hours rule", () => {
  it("accepts stated hours within 25% of the estimate on either side", () => {
    // 120 minutes of exercises plus a few seconds of reading: 2 h.
    expect(statedHoursProblems(moduleWith({ hours: [1.6, 2], exerciseMinutes: [120] }))).toEqual([]);
    expect(statedHoursProblems(moduleWith({ hours: [2.6, 3], exerciseMinutes: [120] }))).toEqual([]);
    expect(statedHoursProblems(moduleWith({ hours: [1, 1.7], exerciseMinutes: [120] }))).toEqual([]);
  });

  it("reports stated hours more than 25% away from the estimate, with the estimate's parts", () => {
    const under = statedHoursProblems(moduleWith({ hours: [1, 1.5], exerciseMinutes: [120], assessmentMinutes: 30 }));
    expect(under).toEqual([{ path: ["hours"], message: expect.stringMatching(/^stated 1–1\.5 h differs by more than 25% from the estimate 2\.5 h = reading 0 min/) }]);
    expect(under[0]!.message).toContain("exercises 120 min + drills 0 min + mini-assessment 30 min");
    const over = statedHoursProblems(moduleWith({ hours: [3, 4], exerciseMinutes: [120] }));
    expect(over).toHaveLength(1);
  });

  it("requires every drill to be satisfied by an existing exercise or to carry a timebox", () => {
    const mod = moduleWith({
      exerciseMinutes: [20],
      drills: [{ satisfiedBy: 1 }, { satisfiedBy: 3 }, {}, { timebox: { reps: 2, minutes: 10 } }],
    });
    expect(drillTimeProblems(mod)).toEqual([
      { path: ["drills", 1, "satisfiedBy"], message: "there is no exercise 3 in this module" },
      { path: ["drills", 2], message: "drill d2 needs satisfiedBy (an exercise number) or a timebox, so its minutes count" },
    ]);
  });

  it("requires the mini-assessment minutes", () => {
    expect(assessmentTimeProblems(moduleWith({}))).toEqual([{ path: ["assessmentMinutes"], message: expect.stringMatching(/^required/) }]);
    expect(assessmentTimeProblems(moduleWith({ assessmentMinutes: 45 }))).toEqual([]);
  });

  it("collects all three checks", () => {
    const fields = hoursProblems(moduleWith({ hours: [5, 6], drills: [{}] })).map((p) => p.path.join("."));
    expect(fields).toEqual(["drills.0", "assessmentMinutes", "hours"]);
  });
});
