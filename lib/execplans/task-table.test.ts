// The Detailed Phase Task Steps parser and the progress it yields.
import { describe, expect, it } from "vitest";
import { parsePlan } from "./document";
import { cellValue, fileEntries, parseTaskTable, progressByPhase } from "./task-table";

const tableOf = (markdown: string) => parseTaskTable(parsePlan(`## Detailed Phase Task Steps\n\n${markdown}`).sections[0]!.lines);

const HEADER = "| ID | Phase | Task | Type | Files | Status | Evidence |\n|---|---|---|---|---|---|---|";

describe("the task table parser", () => {
  it("reads rows into tasks with their status key and type", () => {
    const table = tableOf(
      `${HEADER}\n| 1.1 | M1 | Write the test | test | \`a/b.ts:1\` | **completed** | commit abc |\n| 1.2 | M1 | Code it | code | \`a/c.ts:3\` | \`in_progress\` | |`,
    );
    expect(table.problems).toEqual([]);
    expect(table.line).toBe(3);
    expect(table.tasks).toEqual([
      expect.objectContaining({
        line: 5,
        id: "1.1",
        phase: "M1",
        task: "Write the test",
        type: "test",
        status: "completed",
        statusKey: "completed",
        typeKey: "test",
        evidence: "commit abc",
      }),
      expect.objectContaining({ line: 6, id: "1.2", statusKey: "in_progress", typeKey: "code", evidence: "" }),
    ]);
  });

  it("accepts columns in any order, extra columns, no outer pipes and escaped pipes; a bare pipe in code splits the row as in GFM", () => {
    const table = tableOf(
      "Status | ID | Owner | Phase | Task | Type | Files | Evidence\n---|---|---|---|---|---|---|---\npending | 1 | Ada | M1 | Run `a \\| b` | spike | `x/y.ts:2` | \\| none\npending | 2 | Ada | M1 | Run `a | b` | spike | `x/y.ts:2` | none",
    );
    expect(table.problems).toEqual([
      { line: 6, message: "This row has 9 cells; the header has 8. Check for a missing or extra | (a | inside code needs a backslash: \\|)." },
    ]);
    expect(table.tasks[0]).toMatchObject({ id: "1", task: "Run `a | b`", statusKey: "pending", typeKey: "spike", evidence: "| none" });
  });

  it("keeps unknown statuses and types as written, without a key", () => {
    const table = tableOf(`${HEADER}\n| 1 | M1 | Do it | chore | \`a/b.ts:1\` | done | |`);
    expect(table.tasks[0]).toMatchObject({ status: "done", statusKey: null, type: "chore", typeKey: null });
  });

  it("reports a missing table, missing columns and a missing separator", () => {
    expect(tableOf("Nothing here yet.").problems[0]?.message).toMatch(/no task table/);
    expect(tableOf("| ID | Task | Status |\n|---|---|---|\n| 1 | x | pending |").problems.map((p) => p.message)).toEqual([
      "The task table has no Phase column.",
      "The task table has no Type column.",
      "The task table has no Files column.",
      "The task table has no Evidence column.",
    ]);
    expect(
      tableOf(`| ID | Phase | Task | Type | Files | Status | Evidence |\n| 1 | M1 | x | code | a.ts:1 | pending | |`).problems[0]?.message,
    ).toMatch(/no separator row/);
  });

  it("reports rows with the wrong number of cells, duplicate or missing IDs and empty tasks", () => {
    const table = tableOf(
      `${HEADER}\n| 1 | M1 | x | code | a.ts:1 | pending |\n| 2 | M1 | y | code | a.ts:1 | pending | |\n| 2 | M1 | z | code | a.ts:1 | pending | |\n|  | M1 | w | code | a.ts:1 | pending | |\n| 3 | M1 |  | code | a.ts:1 | pending | |`,
    );
    expect(table.problems).toEqual([
      { line: 5, message: "This row has 6 cells; the header has 7. Check for a missing or extra | (a | inside code needs a backslash: \\|)." },
      { line: 7, message: "The ID 2 is already used on line 6." },
      { line: 8, message: "This row has no ID." },
      { line: 9, message: "Task 3 has no description." },
    ]);
    expect(table.tasks.map((t) => t.line)).toEqual([6, 7, 8, 9]);
  });

  it("ends the table at the first line without a pipe", () => {
    const table = tableOf(
      `${HEADER}\n| 1 | M1 | x | code | a.ts:1 | pending | |\nAfter the table.\n| 2 | M1 | y | code | a.ts:1 | pending | |`,
    );
    expect(table.tasks.map((t) => t.id)).toEqual(["1"]);
  });
});

describe("task cells", () => {
  it("strips emphasis and code marks from a value", () => {
    expect(cellValue(" **`review_required`** ")).toBe("review_required");
  });

  it("lists the file references of a Files cell", () => {
    expect(fileEntries("`src/a.ts:1`, lib/b.ts:2 (new) and README.md; n/a")).toEqual([
      { text: "src/a.ts:1", inCode: true },
      { text: "lib/b.ts:2", inCode: false },
      { text: "README.md", inCode: false },
    ]);
    expect(fileEntries("—")).toEqual([]);
  });
});

describe("progress by phase", () => {
  it("counts completed tasks per phase in the order phases appear, and overall", () => {
    const task = (phase: string, statusKey: "completed" | "pending" | null) => ({ phase, statusKey });
    expect(
      progressByPhase([task("M1", "completed"), task("M2", "pending"), task("M1", "completed"), task("M1", null), task("", "completed")]),
    ).toEqual({
      phases: [
        { phase: "M1", done: 2, total: 3, percent: 66 },
        { phase: "M2", done: 0, total: 1, percent: 0 },
        { phase: "(no phase)", done: 1, total: 1, percent: 100 },
      ],
      done: 3,
      total: 5,
      percent: 60,
    });
    expect(progressByPhase([])).toEqual({ phases: [], done: 0, total: 0, percent: 0 });
  });
});
