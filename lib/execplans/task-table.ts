// The Detailed Phase Task Steps table: parsed into tasks (with the problems that stop it from
// parsing), and the progress it records, percent done by phase. Pure functions.
import { type PlanLine, readTables, withoutCodeSpans } from "./document";
import {
  CANONICAL_TASK_COLUMNS,
  CANONICAL_TASK_STATUSES,
  CANONICAL_TASK_TYPES,
  TASK_COLUMNS,
  TASK_STATUSES,
  TASK_TYPES,
  type TaskStatus,
} from "./format";
import { looksLikePath } from "./references";

/** Which task table a plan uses: the app's template's or the canonical template's. */
type TaskLayout = "app" | "canonical";

export type Task = {
  line: number;
  id: string;
  phase: string;
  task: string;
  type: string;
  /** The cell naming the task's files: Files, or the canonical template's Description. */
  files: string;
  status: string;
  evidence: string;
  /** The status as a known key, or null when the cell holds something else. */
  statusKey: TaskStatus | null;
  /** The type as a known key of the layout (lower case), or null. */
  typeKey: string | null;
};

type TableProblem = { line: number; message: string };

export type TaskTable = {
  /** Line of the header row, or null when the section has no table. */
  line: number | null;
  layout: TaskLayout;
  tasks: Task[];
  problems: TableProblem[];
};

/** A cell's value without emphasis or code marks: "**`completed`**" → "completed". */
export function cellValue(cell: string): string {
  return cell.replace(/^[*_`\s]+|[*_`\s]+$/g, "").trim();
}

const keyOf = <T extends string>(keys: readonly T[], cell: string): T | null =>
  keys.find((k) => k === cellValue(cell).toLowerCase()) ?? null;

type Column = "id" | "phase" | "task" | "type" | "files" | "status" | "evidence";

const LAYOUTS: Record<TaskLayout, { columns: readonly string[]; roles: Column[] }> = {
  app: { columns: TASK_COLUMNS, roles: ["id", "phase", "task", "type", "files", "status", "evidence"] },
  canonical: { columns: CANONICAL_TASK_COLUMNS, roles: ["status", "phase", "id", "type", "task"] },
};

/** The layout whose column names the header has more of; the app's on a tie. */
function layoutOf(names: string[]): TaskLayout {
  const hits = (layout: TaskLayout) => LAYOUTS[layout].columns.filter((c) => names.includes(c.toLowerCase())).length;
  return hits("canonical") > hits("app") ? "canonical" : "app";
}

function statusKeyOf(layout: TaskLayout, cell: string): TaskStatus | null {
  if (layout === "canonical") return CANONICAL_TASK_STATUSES[cellValue(cell).toLowerCase()] ?? keyOf(TASK_STATUSES, cell);
  return keyOf(TASK_STATUSES, cell);
}

export function parseTaskTable(lines: PlanLine[]): TaskTable {
  const table = readTables(lines)[0];
  if (!table) {
    const first = lines.find((l) => l.kind === "prose")?.number ?? lines[0]?.number ?? 1;
    return {
      line: null,
      layout: "app",
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
  else if (table.separatorCells !== header.cells.length)
    problems.push({
      line: header.line + 1,
      message: `The separator row has ${table.separatorCells} cells and the header ${header.cells.length}, so GitHub does not render the task table as a table.`,
    });
  const names = header.cells.map((c) => cellValue(c).toLowerCase());
  const layout = layoutOf(names);
  const { columns, roles } = LAYOUTS[layout];
  const index = {} as Record<Column, number>;
  for (const [i, column] of columns.entries()) {
    index[roles[i]!] = names.indexOf(column.toLowerCase());
    if (index[roles[i]!] < 0) problems.push({ line: header.line, message: `The task table has no ${column} column.` });
  }
  const tasks: Task[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.cells.length !== header.cells.length) {
      problems.push({
        line: row.line,
        message: `This row has ${row.cells.length} cells; the header has ${header.cells.length}. Check for a missing or extra | (a | inside code needs a backslash: \\|).`,
      });
      continue;
    }
    const cell = (column: Column) => (index[column] === undefined || index[column] < 0 ? "" : row.cells[index[column]]!);
    const id = cellValue(cell("id"));
    if (id === "") problems.push({ line: row.line, message: "This row has no ID." });
    else if (seen.has(id)) problems.push({ line: row.line, message: `The ID ${id} is already used on line ${seen.get(id)}.` });
    else seen.set(id, row.line);
    if (cellValue(cell("task")) === "") problems.push({ line: row.line, message: `Task ${id || "without an ID"} has no description.` });
    tasks.push({
      line: row.line,
      id,
      phase: cellValue(cell("phase")),
      task: cell("task"),
      type: cellValue(cell("type")),
      files: layout === "canonical" ? cell("task") : cell("files"),
      status: cellValue(cell("status")),
      evidence: cell("evidence"),
      statusKey: statusKeyOf(layout, cell("status")),
      typeKey: keyOf(layout === "canonical" ? CANONICAL_TASK_TYPES : TASK_TYPES, cell("type")),
    });
  }
  return { line: header.line, layout, tasks, problems };
}

export type FileEntry = { text: string; inCode: boolean };

/** The file references of a Files cell: code spans, and bare words that look like paths (without surrounding punctuation). */
export function fileEntries(cell: string): FileEntry[] {
  const spans = [...cell.matchAll(/`([^`]+)`/g)].map((m) => ({ text: m[1]!.trim(), inCode: true }));
  const bare = withoutCodeSpans(cell)
    .split(/[\s,;]+/)
    .map((text) => ({ text: text.replace(/^[("'“]+|[)"'”.,:!?]+$/g, ""), inCode: false }));
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
