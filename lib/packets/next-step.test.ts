import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../content/loader";
import { nextStep } from "./next-step";

const program = loadContent(path.resolve("content")).programs.find((p) => p.slug === "codex-mastery")!;
const packet = (moduleNumber: number, status: string, rejected = false) => ({ moduleNumber, status, rejected });

describe("nextStep", () => {
  it("starts module 1 when nothing is done", () => {
    expect(nextStep(program, [])).toMatchObject({ kind: "start", moduleNumber: 1 });
  });

  it("puts review feedback first, then the packet in progress, then waiting", () => {
    expect(nextStep(program, [packet(1, "in_progress", true)])).toMatchObject({ kind: "rework", moduleNumber: 1 });
    expect(nextStep(program, [packet(1, "in_progress")])).toMatchObject({ kind: "continue", moduleNumber: 1 });
    expect(nextStep(program, [packet(1, "review_required")])).toMatchObject({ kind: "wait", moduleNumber: 1 });
  });

  it("puts a due re-drill after review feedback and before the packet in progress", () => {
    const due = [
      { moduleNumber: 1, title: "Module 1 drill (easy): Label a transcript by role" },
      { moduleNumber: 1, title: "Module 1 exit ticket 1" },
    ];
    expect(nextStep(program, [packet(2, "in_progress", true)], due)).toMatchObject({ kind: "rework", moduleNumber: 2 });
    expect(nextStep(program, [packet(2, "in_progress")], due)).toEqual({
      kind: "redrill",
      moduleNumber: 1,
      count: 2,
      text: "Re-drill Module 1 drill (easy): Label a transcript by role (2 re-drills are due).",
    });
    expect(nextStep(program, [packet(1, "completed")], due.slice(1))).toMatchObject({
      kind: "redrill",
      text: "Re-drill Module 1 exit ticket 1.",
    });
  });

  it("offers the next available module after a completion, and says when all are done", () => {
    expect(nextStep(program, [packet(1, "completed")])).toMatchObject({ kind: "start", moduleNumber: 2 });
    expect(
      nextStep(
        program,
        [1, 2, 3, 4, 5, 6, 7, 8].map((n) => packet(n, "completed")),
      ),
    ).toEqual({ kind: "done", text: "Every module is completed." });
  });
});
