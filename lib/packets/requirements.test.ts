import { describe, expect, it } from "vitest";
import { artifactName, packetRequirements } from "./requirements";

const mod = {
  meta: {
    number: 1,
    drills: [
      {
        id: "labelling",
        level: "easy" as const,
        title: "Label a transcript",
        prompt: "p",
        dimensions: ["correctness" as const],
        timebox: { reps: 3, minutes: 15 },
      },
      { id: "schema", level: "medium" as const, title: "Tighten a schema", prompt: "p", dimensions: ["judgment" as const], satisfiedBy: 2 },
      { id: "untimed", level: "hard" as const, title: "Untimed drill", prompt: "p", dimensions: ["judgment" as const] },
    ],
    exitTicket: ["First?", "Second?", "Third?"],
    artifacts: ["01_trace.md: the annotated trace", "A plain artifact"],
  },
  exercises: [
    { slug: "read-a-trace", meta: { number: 1, title: "Read a trace" } },
    { slug: "tight-schema", meta: { number: 2, title: "Tight schema" } },
  ],
};

const byRef = (rows: Parameters<typeof packetRequirements>[1]) =>
  Object.fromEntries(packetRequirements(mod, rows).map((r) => [`${r.group}:${r.ref}`, { met: r.met, status: r.status }]));

describe("packetRequirements", () => {
  it("lists every exercise, drill, exit-ticket question and artifact as open in an empty packet", () => {
    const rows = packetRequirements(mod, []);
    expect(rows.map((r) => `${r.group}:${r.ref}`)).toEqual([
      "exercise:read-a-trace",
      "exercise:tight-schema",
      "drill:labelling",
      "drill:schema",
      "drill:untimed",
      "exit-ticket:1",
      "exit-ticket:2",
      "exit-ticket:3",
      "artifact:1",
      "artifact:2",
    ]);
    expect(rows.every((r) => !r.met)).toBe(true);
    expect(rows.find((r) => r.group === "artifact")!.label).toBe("01_trace.md");
  });

  it("marks a recorded exercise result, an answered question and an attached artifact as met", () => {
    const got = byRef([
      { itemKey: "exercise-read-a-trace", kind: "exercise", data: { exercise: "read-a-trace" } },
      { itemKey: "exit-ticket-2", kind: "exit-ticket", data: { question: 1 } },
      { itemKey: "file-1234", kind: "file", data: { artifact: 1 } },
    ]);
    expect(got["exercise:read-a-trace"]).toEqual({ met: true, status: "result recorded" });
    expect(got["exercise:tight-schema"]).toEqual({ met: false, status: "no result yet" });
    expect(got["exit-ticket:2"]).toEqual({ met: true, status: "answered" });
    expect(got["exit-ticket:1"]!.met).toBe(false);
    expect(got["artifact:2"]).toEqual({ met: true, status: "attached" });
    expect(got["artifact:1"]).toEqual({ met: false, status: "not attached" });
  });

  it("needs an attempt within the time box for a timed drill, any attempt for an untimed one", () => {
    const attempt = (drillId: string, withinTimebox: boolean | null) => ({
      itemKey: `drill-${drillId}`,
      kind: "drill",
      data: { drillId, reps: 3, seconds: 600, passed: true, withinTimebox },
    });
    expect(byRef([attempt("labelling", false)])["drill:labelling"]).toEqual({
      met: false,
      status: "1 attempt, none within the time box yet",
    });
    expect(byRef([attempt("labelling", false), attempt("labelling", true)])["drill:labelling"]).toEqual({
      met: true,
      status: "2 attempts, within the time box",
    });
    expect(byRef([attempt("untimed", null)])["drill:untimed"]).toEqual({ met: true, status: "1 attempt" });
  });

  it("counts a drill done by an exercise once that exercise has a result", () => {
    expect(byRef([])["drill:schema"]).toEqual({ met: false, status: "done by exercise 2: no result yet" });
    expect(byRef([{ itemKey: "exercise-tight-schema", kind: "exercise", data: { exercise: "tight-schema" } }])["drill:schema"]).toEqual({
      met: true,
      status: "done by exercise 2",
    });
  });

  it("names an artifact by its file name when it has a description", () => {
    expect(artifactName("01_trace.md: the annotated trace")).toBe("01_trace.md");
    expect(artifactName("A plain artifact")).toBe("A plain artifact");
  });
});
