// The status-update report against fixture rows in a real SQLite database: the same data always
// gives the same text (checked against a stored snapshot), the template's sections come in its
// order, and every placeholder is filled or marked as having no data.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("report-test-");
const { db } = await import("../db");
const { statusUpdateMarkdown, REPORT_SECTIONS, statusUpdateFileName } = await import("./status-update");

const NOW = new Date("2026-01-20T12:00:00Z");
const at = (text: string) => new Date(`2026-01-${text}Z`);
const scores = (n: number, over: Record<string, number> = {}) => ({
  correctness: n,
  speed: n,
  resilience: n,
  judgment: n,
  maintainability: n,
  collaboration: n,
  ...over,
});
const proof = (over: Record<string, unknown> = {}) => ({
  validationStatus: "passing",
  validationDetail: "scripts/validate.sh exited 0",
  drillStatus: "passing",
  drillDetail: "role-labelling, 3 reps in 17 minutes",
  selfScores: scores(4),
  rubricSummary: "4 in every dimension",
  risks: "The hook is not on CI yet",
  followUps: "Add the hook to CI",
  claims: [{ claim: "Every message of the trace is labelled", evidence: ["note-trace"] }],
  ...over,
});
const actor = { actorKind: "learner" as const, actorId: "u-ada", actorLabel: "Ada" };

beforeAll(async () => {
  const client = await db();
  await client.user.createMany({
    data: [
      { id: "u-ada", name: "Ada", role: "learner", passphraseHash: "x" },
      { id: "u-rex", name: "Rex", role: "reviewer", passphraseHash: "x" },
      { id: "u-tem", name: "Tem", role: "learner", passphraseHash: "x" },
    ],
  });
  await client.learner.create({
    data: { id: "learner-ada", name: "Ada", ownerId: "u-ada", programSlug: "codex-mastery", createdAt: at("05T08:00:00") },
  });
  await client.learner.create({
    data: { id: "learner-tem", name: "Tem", ownerId: "u-tem", programSlug: "async-plan-template", createdAt: at("05T08:00:00") },
  });
  await client.packet.create({
    data: {
      id: "p1",
      learnerId: "learner-ada",
      moduleNumber: 1,
      status: "completed",
      startedAt: at("05T09:00:00"),
      submittedAt: at("10T10:00:00"),
      completedAt: at("11T09:00:00"),
      createdAt: at("05T09:00:00"),
      updatedAt: at("11T09:00:00"),
    },
  });
  await client.packet.create({
    data: {
      id: "p2",
      learnerId: "learner-ada",
      moduleNumber: 2,
      status: "blocked",
      blockedReason: "Waiting for access to the team repository",
      startedAt: at("12T09:00:00"),
      createdAt: at("12T09:00:00"),
      updatedAt: at("14T16:30:00"),
    },
  });
  await client.packet.create({
    data: {
      id: "p3",
      learnerId: "learner-ada",
      moduleNumber: 3,
      status: "review_required",
      startedAt: at("15T09:00:00"),
      submittedAt: at("16T17:00:00"),
      createdAt: at("15T09:00:00"),
      updatedAt: at("16T17:00:00"),
    },
  });
  await client.evidence.createMany({
    data: [
      {
        id: "e1",
        packetId: "p1",
        itemKey: "note-trace",
        version: 1,
        kind: "note",
        title: "Session trace",
        body: "user: fix the test\nassistant: calls read_file",
        createdAt: at("06T10:00:00"),
        ...actor,
      },
      {
        id: "e2",
        packetId: "p1",
        itemKey: "note-trace",
        version: 2,
        kind: "note",
        title: "Session trace",
        body: "user: fix the test\nassistant: calls read_file\ntool: read_file result (312 lines)",
        createdAt: at("09T10:00:00"),
        ...actor,
      },
      {
        id: "e3",
        packetId: "p1",
        itemKey: "exercise-baseline-and-trace",
        version: 1,
        kind: "exercise",
        title: "Exercise result",
        body: "Baseline recorded",
        data: { exercise: "baseline-and-trace" },
        createdAt: at("06T11:00:00"),
        ...actor,
      },
      {
        id: "e4",
        packetId: "p1",
        itemKey: "drill-aaaa",
        version: 1,
        kind: "drill",
        title: "Drill attempt",
        data: { drillId: "role-labelling", reps: 3, seconds: 1020, passed: true, withinTimebox: false },
        createdAt: at("07T09:00:00"),
        ...actor,
      },
      {
        id: "e5",
        packetId: "p1",
        itemKey: "exit-ticket-1",
        version: 1,
        kind: "exit-ticket",
        title: "Exit ticket 1",
        body: "system, user, tool",
        data: { question: 0 },
        createdAt: at("07T10:00:00"),
        ...actor,
      },
      {
        id: "e6",
        packetId: "p2",
        itemKey: "note-plan",
        version: 1,
        kind: "note",
        title: "Template plan",
        body: "Prompt template draft",
        createdAt: at("13T10:00:00"),
        ...actor,
      },
      {
        id: "e7",
        packetId: "p3",
        itemKey: "file-log",
        version: 1,
        kind: "file",
        title: "Parallel run log",
        fileName: "run.log",
        fileType: "text/plain",
        fileSize: 12,
        filePath: "ab/abc",
        sha256: "abc",
        createdAt: at("16T10:00:00"),
        ...actor,
      },
    ],
  });
  await client.completionProof.createMany({
    data: [
      { id: "c1", packetId: "p1", data: proof(), createdAt: at("07T12:00:00"), ...actor },
      { id: "c2", packetId: "p1", data: proof(), createdAt: at("10T10:00:00"), ...actor },
      {
        id: "c3",
        packetId: "p3",
        data: proof({ drillStatus: "failing", drillDetail: "parallel drill over time", risks: "none", followUps: "none" }),
        createdAt: at("16T17:00:00"),
        ...actor,
      },
    ],
  });
  await client.review.createMany({
    data: [
      {
        id: "r1",
        packetId: "p1",
        reviewerId: "u-rex",
        reviewerName: "Rex",
        verdict: "reject",
        scores: scores(3, { resilience: 2 }),
        feedback: "Label every tool message in the trace",
        evidenceSeen: [],
        createdAt: at("08T10:00:00"),
      },
      {
        id: "r2",
        packetId: "p1",
        reviewerId: "u-rex",
        reviewerName: "Rex",
        verdict: "accept",
        scores: scores(4, { speed: 3 }),
        feedback: "",
        evidenceSeen: [],
        createdAt: at("11T09:00:00"),
      },
    ],
  });
  await client.reviewComment.create({
    data: {
      id: "rc1",
      packetId: "p3",
      evidenceItemKey: "file-log",
      body: "Which command produced this?",
      authorId: "u-rex",
      authorName: "Rex",
      createdAt: at("17T09:00:00"),
    },
  });
  await client.timeEntry.createMany({
    data: [
      {
        id: "t1",
        learnerId: "learner-ada",
        packetId: "p1",
        moduleNumber: 1,
        source: "timer",
        startedAt: at("05T09:00:00"),
        seconds: 7200,
        createdAt: at("05T11:00:00"),
      },
      {
        id: "t2",
        learnerId: "learner-ada",
        moduleNumber: 1,
        exercise: "tool-schema",
        source: "manual",
        startedAt: at("08T00:00:00"),
        seconds: 3600,
        createdAt: at("08T20:00:00"),
      },
      {
        id: "t3",
        learnerId: "learner-ada",
        moduleNumber: 1,
        exercise: "tool-schema",
        source: "correction",
        startedAt: at("08T00:00:00"),
        seconds: 2700,
        note: "overestimated",
        correctsId: "t2",
        createdAt: at("09T08:00:00"),
      },
      {
        id: "t4",
        learnerId: "learner-ada",
        packetId: "p3",
        moduleNumber: 3,
        source: "timer",
        startedAt: at("15T09:00:00"),
        seconds: 5400,
        createdAt: at("15T10:30:00"),
      },
    ],
  });
  await client.runningTimer.create({
    data: { id: "run1", learnerId: "learner-ada", packetId: "p3", moduleNumber: 3, startedAt: at("19T20:00:00") },
  });
  await client.redrillResult.create({
    data: {
      id: "rd1",
      learnerId: "learner-ada",
      moduleNumber: 1,
      itemKind: "drill",
      itemRef: "role-labelling",
      passed: true,
      dueAt: at("12T09:00:00"),
      createdAt: at("12T10:00:00"),
    },
  });
  await client.indicatorMark.create({
    data: {
      id: "im1",
      learnerId: "learner-ada",
      kind: "behavioral",
      item: "Systematic approach to debugging",
      checked: true,
      note: "Bisected the flaky test in module 1",
      createdAt: at("11T12:00:00"),
    },
  });
  await client.pattern.create({
    data: {
      id: "pat1",
      learnerId: "learner-ada",
      slug: "exit-code",
      version: 1,
      title: "Exit code over assertion",
      category: "quality",
      problem: "p",
      whenToUse: "w",
      howToApply: "h",
      createdAt: at("11T13:00:00"),
      updatedAt: at("11T13:00:00"),
    },
  });
  await client.playbookEntry.create({
    data: {
      id: "pb1",
      learnerId: "learner-ada",
      slug: "start",
      version: 1,
      kind: "checklist",
      title: "Session start",
      body: "- [ ] context",
      createdAt: at("11T14:00:00"),
      updatedAt: at("11T14:00:00"),
    },
  });
  await client.planLogEntry.createMany({
    data: [
      {
        id: "g1",
        learnerId: "learner-ada",
        moduleNumber: 1,
        status: "in_progress",
        summary: "Started Module 1: Codex Code Internals",
        evidence: "none yet",
        risks: "none",
        next: "work",
        actorKind: "learner",
        actorLabel: "learner:Ada",
        createdAt: at("05T09:00:00"),
      },
      {
        id: "g2",
        learnerId: "learner-ada",
        moduleNumber: 1,
        status: "completed",
        summary: "Accepted Module 1: Codex Code Internals (rubric average 3.83)",
        evidence: "e",
        risks: "none",
        next: "n",
        actorKind: "reviewer",
        actorLabel: "reviewer:Rex",
        createdAt: at("11T09:00:00"),
      },
      {
        id: "g3",
        learnerId: "learner-ada",
        moduleNumber: 2,
        status: "blocked",
        summary: "Blocked Module 2: Advanced Customization: Waiting for access to the team repository",
        evidence: "none",
        risks: "r",
        next: "n",
        actorKind: "learner",
        actorLabel: "learner:Ada",
        createdAt: at("14T16:30:00"),
      },
      {
        id: "g4",
        learnerId: "learner-ada",
        moduleNumber: 3,
        status: "review_required",
        summary: "Submitted Module 3: Speed & Efficiency Patterns for review",
        evidence: "e",
        risks: "none",
        next: "n",
        actorKind: "learner",
        actorLabel: "learner:Ada",
        createdAt: at("16T17:00:00"),
      },
    ],
  });
});

describe("the status update", () => {
  let report: string;

  it("gives the same text for the same data, matching the stored snapshot", async () => {
    report = await statusUpdateMarkdown("learner-ada", "codex-mastery", NOW);
    expect(await statusUpdateMarkdown("learner-ada", "codex-mastery", NOW)).toBe(report);
    await expect(report).toMatchFileSnapshot("__snapshots__/status-update.md");
  });

  it("keeps the template's order: fetch directives, objective, title, the eight sections, task sequence and script", () => {
    const marks = [
      "Check for must recent active branch:",
      "Branches:",
      "Objective:",
      "Audit Scope",
      "# 📍codex-code-mastery: Status Update (2026-01-20)",
      ...REPORT_SECTIONS.map((s, i) => `${i + 1}. **${s}**`),
      "## Codex-ready Task Sequence",
      "**Additional Deliverable — Executable Script**",
    ];
    const positions = marks.map((m) => report.indexOf(m));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("fills every placeholder of the template", () => {
    expect(report).not.toMatch(/\{\{|\[STEP_NUMBER|\[ERROR_MESSAGE\]|\[BRIEF_CONTEXT\]/);
    for (const label of ["**Top-level directories.**", "**Key files.**", "**Stubs & placeholders.**", "**Recent changes.**"])
      expect(report).toContain(label);
  });

  it("maps packets to the audit statuses, one row per capability and module", () => {
    const rows = report.split("\n").filter((line) => /^\| .+ — Module \d/.test(line));
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.split(" | ")[1])).toEqual([
      "Implemented",
      "Partially Implemented",
      "Partially Implemented",
      "Missing",
      "Missing",
      "Missing",
      "Missing",
      "Missing",
    ]);
  });

  it("computes 10 to 20 findings, the urgent ones first", () => {
    const findings = report.split("\n").filter((line) => /^ {3}\d+\. \*\*/.test(line));
    expect(findings.length).toBeGreaterThanOrEqual(10);
    expect(findings.length).toBeLessThanOrEqual(20);
    expect(findings[0]).toContain("**Overdue review:** Module 3 (Speed & Efficiency Patterns) has waited 3 days");
    expect(findings[1]).toContain("**Blocked:** Module 2");
    expect(report).toContain("**Timer left running:**");
    expect(report).toContain("**Re-drills due:**");
  });

  it("writes an error-capture block in the template's exact question format for the blocked packet", () => {
    expect(report).toContain(
      [
        ":::",
        "Question for ChatGPT @codex 2026-01-14 16:30 UTC:",
        "While performing [2:Advanced Customization work packet, attempt 1], encountered the following error:",
        "Waiting for access to the team repository",
      ].join("\n"),
    );
    expect(report).toMatch(
      /\nContext: started 2026-01-12 09:00 UTC; 1 evidence item; .+\.\nWhat are the possible causes, and how can this be resolved while preserving intended functionality\?\n:::/,
    );
  });

  it("shows reworked evidence as an atomic diff and the proofs' gates", () => {
    expect(report).toContain("### Atomic Diff 1 — Module 1: Codex Code Internals: Session trace (v1 → v2)");
    expect(report).toContain("- **Why:** rework after the reviewer's rejection");
    expect(report).toContain("+tool: read_file result (312 lines)");
    expect(report).toContain("| scripts/validate.sh exited 0 | Build/validation gate of module 1");
    expect(report).toContain("over the time box");
  });

  it("marks what has no data instead of leaving it empty", async () => {
    const empty = await statusUpdateMarkdown("learner-tem", "async-plan-template", NOW);
    expect(empty).toContain("_No data: no evidence item has a second version yet");
    expect(empty).toContain("_No data: no packet is blocked");
    expect(empty).toContain("| No data | no completion proof, drill attempt or re-drill recorded yet |");
    expect(
      empty
        .split("\n")
        .filter((l) => /^\| .+ — Module \d/.test(l))
        .every((row) => row.split(" | ")[1] === "Stubbed"),
    ).toBe(true);
    expect(empty).toMatch(/\*\*Stubs & placeholders\.\*\* \d+ findings of the content check:/);
    expect(empty.split("\n").filter((line) => /^ {3}\d+\. \*\*/.test(line)).length).toBeGreaterThanOrEqual(10);
  });

  it("refuses a program that is not the learner's, and names the download", async () => {
    await expect(statusUpdateMarkdown("learner-ada", "async-plan-template", NOW)).rejects.toMatchObject({ code: "invalid" });
    await expect(statusUpdateMarkdown("nobody", "codex-mastery", NOW)).rejects.toMatchObject({ code: "not-found" });
    expect(statusUpdateFileName("Ada Lovelace", NOW, "UTC")).toBe("status-update-2026-01-20-Ada_Lovelace.md");
  });

  it("dates the update and its times in the learner's time zone", async () => {
    const client = await db();
    await client.user.update({ where: { id: "u-ada" }, data: { timeZone: "Pacific/Kiritimati" } });
    try {
      const text = await statusUpdateMarkdown("learner-ada", "codex-mastery", NOW);
      expect(text).toContain("Status Update (2026-01-21)");
      expect(text).toContain("Generated 2026-01-21 02:00 GMT+14 from");
      expect(text).toContain("**Timer left running:** started 2026-01-20 10:00 GMT+14 on module 3");
      // Only the script's own `date -u` still speaks of UTC.
      expect(text.split("\n").filter((line) => line.includes("UTC"))).toEqual([expect.stringContaining("date -u")]);
      expect(statusUpdateFileName("Ada Lovelace", NOW, "Pacific/Kiritimati")).toBe("status-update-2026-01-21-Ada_Lovelace.md");
    } finally {
      await client.user.update({ where: { id: "u-ada" }, data: { timeZone: "UTC" } });
    }
  });
});
