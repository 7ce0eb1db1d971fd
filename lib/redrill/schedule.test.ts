import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../content/loader";
import { isDue, parseRedrillKey, redrillSchedule, type RedrillTrigger } from "./schedule";
import { drillFacts, learnerSchedule, redrillText, redrillTriggers } from "./triggers";

const program = loadContent(path.resolve("content")).programs.find((p) => p.slug === "codex-mastery")!;
const T0 = new Date("2026-03-02T10:00:00Z");
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * 86_400_000 + hours * 3_600_000);
/** The start of the UTC day `days` days after T0's: when an item due that day becomes due. */
const dayStart = (days: number) => new Date(Date.UTC(2026, 2, 2 + days));
const drill: RedrillTrigger = { moduleNumber: 1, kind: "drill", ref: "role-labelling", at: T0, reason: "Speed/Fluency 3" };
const result = (days: number, passed: boolean) => ({
  moduleNumber: 1,
  kind: "drill" as const,
  ref: "role-labelling",
  at: at(days),
  passed,
});
const scores = (over: Record<string, number> = {}) => ({
  correctness: 4,
  speed: 4,
  resilience: 4,
  judgment: 4,
  maintainability: 4,
  collaboration: 4,
  ...over,
});
const threshold = { minEach: 3, minAverage: 4 };

describe("the re-drill schedule", () => {
  it("brings a triggered item back from the start of the next day", () => {
    const [item] = redrillSchedule([drill], [], "UTC");
    expect(item).toMatchObject({ key: "1:drill:role-labelling", stage: 0, retired: false, reasons: ["Speed/Fluency 3"] });
    expect(item!.dueAt).toEqual(dayStart(1));
    expect(isDue(item!, at(0, 13))).toBe(false);
    expect(isDue(item!, at(0, 14))).toBe(true);
  });

  it("spaces passed re-drills at 1, 3, 7 and 14 days, then retires the item", () => {
    const steps = [result(1, true), result(4, true), result(11, true)];
    const dues = steps.map((_, i) => redrillSchedule([drill], steps.slice(0, i + 1), "UTC")[0]!.dueAt);
    expect(dues).toEqual([dayStart(4), dayStart(11), dayStart(25)]);
    const retired = redrillSchedule([drill], [...steps, result(25, true)], "UTC")[0]!;
    expect(retired.retired).toBe(true);
    expect(isDue(retired, at(100))).toBe(false);
    expect(retired.results).toHaveLength(4);
  });

  it("starts over after a failed re-drill, and again after a new trigger", () => {
    const failed = redrillSchedule([drill], [result(1, true), result(4, false)], "UTC")[0]!;
    expect(failed).toMatchObject({ stage: 0 });
    expect(failed.dueAt).toEqual(dayStart(5));
    const again = redrillSchedule(
      [drill, { ...drill, at: at(30), reason: "the drill ran over its time box" }],
      [result(1, true), result(4, true), result(11, true), result(25, true)],
      "UTC",
    )[0]!;
    expect(again).toMatchObject({ retired: false, stage: 0, reasons: ["Speed/Fluency 3", "the drill ran over its time box"] });
    expect(again.dueAt).toEqual(dayStart(31));
  });

  it("ignores results without a trigger and orders items by due date", () => {
    expect(redrillSchedule([], [result(1, true)], "UTC")).toEqual([]);
    const items = redrillSchedule(
      [
        { ...drill, at: at(2) },
        { moduleNumber: 2, kind: "exit-ticket", ref: "1", at: T0, reason: "r" },
      ],
      [],
      "UTC",
    );
    expect(items.map((i) => i.key)).toEqual(["2:exit-ticket:1", "1:drill:role-labelling"]);
  });

  it("parses only well-formed keys", () => {
    expect(parseRedrillKey("3:failure-mode:2")).toEqual({ moduleNumber: 3, kind: "failure-mode", ref: "2" });
    expect(parseRedrillKey("3:essay:2")).toBeNull();
    expect(parseRedrillKey("x:drill:a")).toBeNull();
  });
});

describe("what triggers a re-drill", () => {
  it("a low dimension brings back the module's matching drills, failure modes and its exit ticket", () => {
    const triggers = redrillTriggers(
      program,
      threshold,
      [{ moduleNumber: 1, at: T0, reviewer: "Rex", verdict: "accept", scores: scores({ resilience: 3 }) }],
      [],
    );
    expect(triggers.map((t) => `${t.kind}:${t.ref}`)).toEqual([
      "drill:forced-restart",
      "drill:guard-break",
      "failure-mode:1",
      "failure-mode:7",
      "exit-ticket:1",
      "exit-ticket:2",
      "exit-ticket:3",
    ]);
    expect(triggers[0]!.reason).toBe("Resilience 3 in the accept by Rex");
    expect(
      redrillTriggers(program, threshold, [{ moduleNumber: 1, at: T0, reviewer: "Rex", verdict: "accept", scores: scores() }], []),
    ).toEqual([]);
  });

  it("a failed or over-time drill attempt brings that drill back", () => {
    const attempts = [
      { moduleNumber: 1, at: T0, drillId: "role-labelling", passed: true, withinTimebox: false },
      { moduleNumber: 1, at: T0, drillId: "schema-tightening", passed: false, withinTimebox: null },
      { moduleNumber: 1, at: T0, drillId: "forced-restart", passed: true, withinTimebox: true },
    ];
    expect(redrillTriggers(program, threshold, [], attempts).map((t) => [t.ref, t.reason])).toEqual([
      ["role-labelling", "the drill ran over its time box"],
      ["schema-tightening", "the drill attempt did not meet its standard"],
    ]);
  });

  it("reads drill attempts at their latest version and keeps only items the content still has", () => {
    const packet = {
      moduleNumber: 1,
      reviews: [],
      evidence: [
        {
          kind: "drill",
          itemKey: "drill-a",
          version: 1,
          createdAt: T0,
          data: { drillId: "role-labelling", reps: 1, seconds: 60, passed: false, withinTimebox: null },
        },
        {
          kind: "drill",
          itemKey: "drill-a",
          version: 2,
          createdAt: at(1),
          data: { drillId: "role-labelling", reps: 1, seconds: 60, passed: true, withinTimebox: true },
        },
        {
          kind: "drill",
          itemKey: "drill-b",
          version: 1,
          createdAt: T0,
          data: { drillId: "gone-from-content", reps: 1, seconds: 60, passed: false, withinTimebox: null },
        },
      ],
    };
    expect(drillFacts([packet]).map((f) => [f.drillId, f.passed])).toEqual([
      ["role-labelling", true],
      ["gone-from-content", false],
    ]);
    expect(learnerSchedule(program, [packet], [], "UTC")).toEqual([]);
  });

  it("describes each kind of item from the module content", () => {
    expect(redrillText(program, { moduleNumber: 1, kind: "drill", ref: "role-labelling" })!.title).toBe(
      "Module 1 drill (easy): Label a transcript by role",
    );
    expect(redrillText(program, { moduleNumber: 1, kind: "failure-mode", ref: "2" })).toMatchObject({
      title: "Module 1 failure mode 2",
      answer: expect.stringMatching(/^Cause: /),
    });
    expect(redrillText(program, { moduleNumber: 1, kind: "exit-ticket", ref: "3" })!.prompt).toMatch(/AGENTS\.md/);
    expect(redrillText(program, { moduleNumber: 1, kind: "exit-ticket", ref: "4" })).toBeNull();
    expect(redrillText(program, { moduleNumber: 99, kind: "drill", ref: "x" })).toBeNull();
  });
});
