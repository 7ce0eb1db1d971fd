import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failingProblems, loadContent } from "./loader";

let root: string;

const PROGRAM = `---
title: Test Program
summary: A program for tests.
default: true
metadata:
  planId: test
  domain: Testing
  audience: Testers
  timeBudget: 2 hours
  deliveryMode: self-paced
  primaryTools: [a shell]
  constraints: [none]
  owner: The reviewer
  executionMode: asynchronous
endState:
  correctness: c
  speed: s
  resilience: r
  judgment: j
  maintainability: m
  collaboration: co
capabilities: [one, two, three, four]
rubric:
  passThreshold: { minEach: 3, minAverage: 4 }
  remediationTrigger: any score below 3
timeline:
  minWeeks: 1
  maxWeeks: 2
  modulesPerWeek: { min: 1, max: 2 }
  milestones:
    - { fromWeek: 1, toWeek: 2, modules: [1, 2], label: All }
successMetrics:
  modules: 2
  exercises: 1
  patterns: 2
  hours: { min: 1, max: 2 }
  playbook: true
  qualitative: [q]
  behavioral: [b]
phases:
  - { name: Concept, description: Learn it. }
---

Welcome.
`;

function moduleFile(number: number, prerequisites: number[], extra = "") {
  return `---
number: ${number}
title: Module ${number}
hours: { min: 0.5, max: 1 }
prerequisites: [${prerequisites.join(", ")}]
topics: [a topic]
outcomes: [one, two, three]
failureModes:
  - { symptom: s1, cause: c1, fix: f1, dimension: correctness }
  - { symptom: s2, cause: c2, fix: f2, dimension: speed }
  - { symptom: s3, cause: c3, fix: f3, dimension: judgment }
drills:
  - { id: warm-up, level: easy, title: Warm up, prompt: Do it., dimensions: [speed], timebox: { reps: 2, minutes: 10 } }
  - { id: middle, level: medium, title: Middle, prompt: Do more., dimensions: [correctness], timebox: { reps: 1, minutes: 10 } }
  - { id: hard-one, level: hard, title: Hard, prompt: Do it all., dimensions: [resilience], timebox: { reps: 3, minutes: 10 } }
exitTicket: [q1, q2, q3]
artifacts: [notes.md]
patterns:
  - { name: P1, category: speed, summary: S1 }
  - { name: P2, category: quality, summary: S2 }
playbook:
  - { kind: checklist, title: C1, summary: S }
sections: [purpose, concepts, workflow, assessment]
assessmentMinutes: 15
${extra}---

## Purpose

Why.

## Key concepts

What.

## Workflow

1. Do.

## Mini-assessment

Test.
`;
}

const EXERCISE = `---
module: 1
number: 1
title: First exercise
difficulty: easy
minutes: 20
objectives: [learn]
successCriteria: [done]
---

## Context

Context text.

## Steps

1. Step.

## Hints

### Hint 1

Gentle.

### Hint 2

Specific.

## Solution discussion

The answer.

## Reflection questions

- Why?
`;

function write(relative: string, text: string) {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function validProgram(slug = "test") {
  write(`${slug}/program.md`, PROGRAM);
  write(`${slug}/modules/01-first.md`, moduleFile(1, []));
  write(`${slug}/modules/02-second.md`, moduleFile(2, [1]));
  write(`${slug}/exercises/01-first/01-start.md`, EXERCISE);
}

const load = () => loadContent(root, root);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "content-test-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("loadContent", () => {
  it("loads a valid program with its modules, exercises and exercise parts", () => {
    validProgram();
    const content = load();
    expect(content.problems).toEqual([]);
    const program = content.programs[0]!;
    expect(program.slug).toBe("test");
    expect(program.modules.map((m) => m.slug)).toEqual(["first", "second"]);
    const exercise = program.modules[0]!.exercises[0]!;
    expect(exercise.slug).toBe("start");
    expect(exercise.parts.hints).toEqual(["Gentle.", "Specific."]);
    expect(exercise.parts.solution).toBe("The answer.");
    expect(program.modules[0]!.sections.purpose?.content).toBe("Why.");
  });

  it("reports a missing field with file, line and what was expected, and keeps the rest", () => {
    validProgram();
    write("test/modules/02-second.md", moduleFile(2, [1]).replace("outcomes: [one, two, three]\n", ""));
    const content = load();
    expect(content.programs[0]!.modules.map((m) => m.slug)).toEqual(["first"]);
    expect(content.problems).toEqual([
      expect.objectContaining({ file: "test/modules/02-second.md", field: "outcomes", message: expect.stringMatching(/required/), kind: "error" }),
    ]);
  });

  it("points at the line of a field with the wrong value", () => {
    validProgram();
    write("test/modules/01-first.md", moduleFile(1, []).replace("exitTicket: [q1, q2, q3]", "exitTicket: [q1, q2]"));
    const [problem] = load().problems;
    expect(problem).toMatchObject({ field: "exitTicket", line: 16, message: "expected exactly 3 questions or tasks" });
  });

  it("names the allowed values for an enum field", () => {
    validProgram();
    write("test/exercises/01-first/01-start.md", EXERCISE.replace("difficulty: easy", "difficulty: trivial"));
    const [problem] = load().problems;
    expect(problem).toMatchObject({ field: "difficulty", line: 5, message: 'expected one of "easy", "medium", "hard"' });
  });

  it("validates an exercise's machine checks: id, the criterion they back, and defaults", () => {
    validProgram();
    const checks = `checks:
  - { id: has-log, criterion: 1, proves: "the log exists", run: "test -f practice/log.md", requires: [git] }
  - { id: has-log, criterion: 3, proves: "again", run: "true" }
  - { id: Bad_Id, criterion: 1, proves: "x", run: "true", timeoutSeconds: 0 }
---`;
    write("test/exercises/01-first/01-start.md", EXERCISE.replace("successCriteria: [done]\n---", `successCriteria: [done]\n${checks}`));
    const problems = load().problems.map((p) => [p.field, p.message]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ["checks.1.id", 'duplicate check id "has-log"'],
        ["checks.1.criterion", "criterion 3 does not exist: the exercise has 1 success criteria"],
        ["checks.2.id", "expected kebab-case, like tests-fail-first"],
      ]),
    );
    expect(problems.some(([field]) => field === "checks.2.timeoutSeconds")).toBe(true);

    write("test/exercises/01-first/01-start.md", EXERCISE.replace("successCriteria: [done]\n---", `successCriteria: [done]\n${checks.split("\n").slice(0, 2).join("\n")}\n---`));
    const content = load();
    expect(content.problems).toEqual([]);
    expect(content.programs[0]?.modules[0]?.exercises[0]?.meta.checks).toEqual([
      { id: "has-log", criterion: 1, proves: "the log exists", run: "test -f practice/log.md", requires: ["git"], timeoutSeconds: 60 },
    ]);
  });

  it("reports invalid YAML with its line", () => {
    validProgram();
    write("test/modules/01-first.md", moduleFile(1, []).replace("topics: [a topic]", "topics: [a topic"));
    const problems = load().problems;
    expect(problems[0]).toMatchObject({ file: "test/modules/01-first.md", field: "frontmatter", message: expect.stringMatching(/invalid YAML/) });
  });

  it("reports a file without frontmatter", () => {
    validProgram();
    write("test/modules/01-first.md", "# Just text\n");
    expect(load().problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/missing frontmatter/) });
  });

  it("reports a missing or empty body section with its line", () => {
    validProgram();
    write("test/modules/01-first.md", moduleFile(1, []).replace("## Workflow\n\n1. Do.\n", "## Workflow\n\n"));
    write("test/exercises/01-first/01-start.md", EXERCISE.replace("## Solution discussion\n\nThe answer.\n", ""));
    const problems = load().problems;
    expect(problems).toContainEqual(expect.objectContaining({ field: "body.workflow", message: 'section "## Workflow" is empty', line: 35 }));
    expect(problems).toContainEqual(expect.objectContaining({ field: "body.solution", message: 'missing section "## Solution discussion"' }));
  });

  it("requires two to four hints", () => {
    validProgram();
    write("test/exercises/01-first/01-start.md", EXERCISE.replace("### Hint 2\n\nSpecific.\n", ""));
    expect(load().problems).toContainEqual(expect.objectContaining({ field: "body.hints", message: 'expected 2–4 "### Hint N" parts, got 1' }));
  });

  it("checks that numbers agree with file names", () => {
    validProgram();
    write("test/modules/02-second.md", moduleFile(3, [1]));
    expect(load().problems).toContainEqual(expect.objectContaining({ field: "number", message: expect.stringMatching(/expected 2/) }));
  });

  it("reports unknown prerequisites and cycles as content errors", () => {
    validProgram();
    write("test/modules/01-first.md", moduleFile(1, [2]));
    write("test/modules/02-second.md", moduleFile(2, [1, 9]));
    const messages = load().problems.map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(messages).toContain("test/modules/02-second.md:5 unknown prerequisite: there is no module 9");
    expect(messages.some((m) => /prerequisites form a cycle: 1 → 2 → 1/.test(m))).toBe(true);
  });

  it("lists placeholders and TODOs with line numbers, outside code fences only", () => {
    validProgram();
    write(
      "test/modules/01-first.md",
      moduleFile(1, []).replace("Why.", "Why <fill this in>.\n\n```\n<code is fine>\n```\n\nTODO: finish"),
    );
    const found = load().problems.filter((p) => p.kind !== "error");
    expect(found).toEqual([
      expect.objectContaining({ line: 29, kind: "placeholder", message: "unfilled placeholder <fill this in>" }),
      expect.objectContaining({ line: 35, kind: "todo", message: "TODO left in the text" }),
    ]);
  });

  it("reports relative links to files that do not exist, and links leaving the program", () => {
    validProgram();
    write(
      "test/modules/01-first.md",
      moduleFile(1, []).replace("Why.", "See [two](02-second.md), [gone](03-gone.md#x), [out](../../etc/passwd) and `[code](nope.md)`."),
    );
    expect(load().problems).toEqual([
      expect.objectContaining({ line: 29, field: "link", message: "link 03-gone.md#x points to a file that does not exist" }),
      expect.objectContaining({ line: 29, field: "link", message: "link ../../etc/passwd leaves the program folder" }),
    ]);
  });

  it("allows placeholders in a template program but not elsewhere", () => {
    validProgram("real");
    validProgram("tmpl");
    write("tmpl/program.md", PROGRAM.replace("default: true", "template: true").replace("domain: Testing", 'domain: "<your domain>"'));
    write("real/modules/01-first.md", moduleFile(1, []).replace("Why.", "Why <x>."));
    const content = load();
    expect(content.problems.filter((p) => p.kind === "placeholder").map((p) => p.program).sort()).toEqual(["real", "tmpl"]);
    expect(failingProblems(content).map((p) => p.program)).toEqual(["real"]);
  });

  it("checks each module's stated hours against its estimate, except in a template", () => {
    validProgram("real");
    validProgram("tmpl");
    write("tmpl/program.md", PROGRAM.replace("default: true", "template: true"));
    for (const slug of ["real", "tmpl"]) {
      write(`${slug}/modules/01-first.md`, moduleFile(1, []).replace("hours: { min: 0.5, max: 1 }", "hours: { min: 3, max: 4 }"));
    }
    const problems = load().problems;
    expect(problems).toEqual([
      expect.objectContaining({ program: "real", file: "real/modules/01-first.md", line: 4, field: "hours", message: expect.stringMatching(/^stated 3–4 h differs by more than 25% from the estimate 1\.1 h/) }),
    ]);
  });

  it("counts a drill satisfied by an exercise once, and reports one that names a missing exercise", () => {
    validProgram();
    const satisfied = moduleFile(1, []).replace("timebox: { reps: 2, minutes: 10 } }", "satisfiedBy: 1 }");
    write("test/modules/01-first.md", satisfied);
    expect(load().problems).toEqual([]);
    write("test/modules/02-second.md", moduleFile(2, [1]).replace("timebox: { reps: 2, minutes: 10 } }", "satisfiedBy: 1 }"));
    expect(load().problems).toEqual([
      expect.objectContaining({ file: "test/modules/02-second.md", line: 13, field: "drills.0.satisfiedBy", message: "there is no exercise 1 in this module" }),
    ]);
  });

  it("keeps other programs when one program file is broken", () => {
    validProgram("good");
    validProgram("bad");
    write("bad/program.md", "---\ntitle: Broken\n---\n");
    const content = load();
    expect(content.programs.map((p) => p.slug)).toEqual(["good"]);
    expect(content.problems.every((p) => p.program === "bad")).toBe(true);
  });
});
