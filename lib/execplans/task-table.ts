// The Detailed Phase Task Steps table: parsed into tasks (with the problems that stop it from
// parsing), and the progress it records, percent done by phase. Pure functions.
import { type PlanLine, readTables, withoutCodeSpans } from "./document";
import { looksLikePath } from "./references";
import { TASK_COLUMNS, TASK_STATUSES, TASK_TYPES, type TaskColumn, type TaskStatus, type TaskType } from "./format";

export type Task = {
  line: number;
  id: string;
  phase: string;
  task: string;
  type: string;
  files: string;
  status: string;
  evidence: string;
  /** The status as a known key, or null when the cell holds something else. */
  statusKey: TaskStatus | null;
  typeKey: TaskType | null;
};

type TableProblem = { line: number; message: string };

export type TaskTable = {
  /** Line of the header row, or null when the section has no table. */
  line: number | null;
  tasks: Task[];
  problems: TableProblem[];
};

/** A cell's value without emphasis or code marks: "**`completed`**" → "completed". */
export function cellValue(cell: string): string {
  return cell.replace(/^[*_`\s]+|[*_`\s]+$/g, "").trim();
}

const keyOf = <T extends string>(keys: readonly T[], cell: string): T | null =>
  keys.find((k) => k === cellValue(cell).toLowerCase()) ?? null;

export function parseTaskTable(lines: PlanLine[]): TaskTable {
  const table = readTables(lines)[0];
  if (!table) {
    const first = lines.find((l) => l.kind === "prose")?.number ?? lines[0]?.number ?? 1;
    return {
      line: null,
      tasks: [],
      problems: [{ line: first, message: `The section has no task table; start one with the header | ${TASK_COLUMNS.join(" | ")} |.` }],
    };
  }
  const problems: TableProblem[] = [];
  const { header } = table;
  if (!table.separator)
    problems.push({
      line: header.line,
      message: "The task table has no separator row (|---|---|…) under its header, so it does not parse as a table.",
    });
  const names = header.cells.map((c) => cellValue(c).toLowerCase());
  const index = {} as Record<TaskColumn, number>;
  for (const column of TASK_COLUMNS) {
    index[column] = names.indexOf(column.toLowerCase());
    if (index[column] < 0) problems.push({ line: header.line, message: `The task table has no ${column} column.` });
  }
  if (problems.length > 0) return { line: header.line, tasks: [], problems };
  const tasks: Task[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.cells.length !== header.cells.length) {
      problems.push({
        line: row.line,
        message: `This row has ${row.cells.length} cells; the header has ${header.cells.length}. Check for a missing or extra |.`,
      });
      continue;
    }
    const cell = (column: TaskColumn) => row.cells[index[column]]!;
    const id = cellValue(cell("ID"));
    if (id === "") problems.push({ line: row.line, message: "This row has no ID." });
    else if (seen.has(id)) problems.push({ line: row.line, message: `The ID ${id} is already used on line ${seen.get(id)}.` });
    else seen.set(id, row.line);
    if (cellValue(cell("Task")) === "") problems.push({ line: row.line, message: `Task ${id || "without an ID"} has no description.` });
    tasks.push({
      line: row.line,
      id,
      phase: cellValue(cell("Phase")),
      task: cell("Task"),
      type: cellValue(cell("Type")),
      files: cell("Files"),
      status: cellValue(cell("Status")),
      evidence: cell("Evidence"),
      statusKey: keyOf(TASK_STATUSES, cell("Status")),
      typeKey: keyOf(TASK_TYPES, cell("Type")),
    });
  }
  return { line: header.line, tasks, problems };
}

export type FileEntry = { text: string; inCode: boolean };

/** The file references of a Files cell: code spans, and bare words that look like paths. */
export function fileEntries(cell: string): FileEntry[] {
  const spans = [...cell.matchAll(/`([^`]+)`/g)].map((m) => ({ text: m[1]!.trim(), inCode: true }));
  const bare = withoutCodeSpans(cell)
    .split(/[\s,;]+/)
    .map((text) => ({ text, inCode: false }));
  return [...spans, ...bare].filter((e) => looksLikePath(e.text) && !/^n\/a$/i.test(e.text));
}

type PhaseProgress = { phase: string; done: number; total: number; percent: number };
export type Progress = { phases: PhaseProgress[]; done: number; total: number; percent: number };

const percentOf = (done: number, total: number) => (total === 0 ? 0 : Math.floor((done / total) * 100));

/** Percent of tasks completed in each phase (in the order phases first appear) and overall. */
export function progressByPhase(tasks: Pick<Task, "phase" | "statusKey">[]): Progress {
  const phases = new Map<string, { done: number; total: number }>();
  for (const task of tasks) {
    const phase = task.phase || "(no phase)";
    const entry = phases.get(phase) ?? { done: 0, total: 0 };
    entry.total++;
    if (task.statusKey === "completed") entry.done++;
    phases.set(phase, entry);
  }
  const done = tasks.filter((t) => t.statusKey === "completed").length;
  return {
    phases: [...phases].map(([phase, p]) => ({ phase, ...p, percent: percentOf(p.done, p.total) })),
    done,
    total: tasks.length,
    percent: percentOf(done, tasks.length),
  };
}
