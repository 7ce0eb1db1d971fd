// The ExecPlan checker: every rule of rules.ts applied to a plan's Markdown (and, for the
// history rules, to the previous revision), each finding with its line, severity and fix hint.
import {
  entriesOf,
  hasWords,
  headingOf,
  type PlanDocument,
  type PlanLine,
  type PlanSection,
  parsePlan,
  placeholdersIn,
  readTables,
} from "./document";
import { LAST_SECTION_KEY, METADATA_FIELDS, PLAN_STATUSES, SECTIONS, TASK_STATUSES } from "./format";
import { compareEntries } from "./history";
import { DEFAULT_TERMS, undefinedTerms } from "./jargon";
import { checkReference, isReferenceCandidate } from "./references";
import { type Finding, type RuleId, RULES_BY_ID } from "./rules";
import { cellValue, fileEntries, parseTaskTable, type Progress, progressByPhase, type TaskTable } from "./task-table";

export type CheckOptions = {
  /** Terms that must be defined before use; the default list when omitted. */
  terms?: readonly string[];
  /** The previous revision's text, for the history rules. */
  previous?: string | null;
};

export type CheckResult = {
  findings: Finding[];
  errors: number;
  warnings: number;
  title: string | null;
  status: string | null;
  tasks: TaskTable;
  progress: Progress;
};

type Report = (rule: RuleId, line: number, message: string, hint?: string) => void;

const quote = (text: string, max = 80) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;

function sectionMap(doc: PlanDocument): Map<string, PlanSection> {
  const map = new Map<string, PlanSection>();
  for (const section of doc.sections) if (section.spec && !map.has(section.spec.key)) map.set(section.spec.key, section);
  return map;
}

const lastLine = (doc: PlanDocument) => doc.lines.findLast((l) => l.kind !== "blank")?.number ?? 1;

/** Whether a section says something: prose or code beyond placeholders, sub-headings and table headers. */
function hasContent(lines: PlanLine[]): boolean {
  const tableLines = new Set<number>();
  for (const table of readTables(lines)) {
    tableLines.add(table.header.line);
    if (table.separator) tableLines.add(table.header.line + 1);
    if (table.rows.some((row) => row.cells.some(hasWords))) return true;
    for (const row of table.rows) tableLines.add(row.line);
  }
  return lines.some(
    (l) =>
      (l.kind === "code" && l.text.trim() !== "") ||
      (l.kind === "prose" && !tableLines.has(l.number) && headingOf(l) === null && hasWords(l.text)),
  );
}

function checkStructure(doc: PlanDocument, sections: Map<string, PlanSection>, report: Report) {
  const title = doc.title;
  if (!title) report("title-missing", 1, "The plan has no level-1 title heading before its first section.");
  else if (!hasWords(title.text) || placeholdersIn(title.text).length > 0)
    report("title-missing", title.line, "The title still holds a {placeholder}.");
  const metadataLine = title?.line ?? 1;
  for (const field of METADATA_FIELDS) {
    const entry = doc.metadata.get(field);
    if (!entry) report("metadata-missing", metadataLine, `The metadata field ${field} is missing.`);
    else if (!hasWords(entry.value) || placeholdersIn(entry.value).length > 0) {
      report(
        "metadata-missing",
        entry.line,
        `The metadata field ${field} is not filled in${placeholdersIn(entry.value).length > 0 ? ": it still holds a {placeholder}" : ""}.`,
      );
    }
  }
  const status = doc.metadata.get("Status");
  if (
    status &&
    hasWords(status.value) &&
    placeholdersIn(status.value).length === 0 &&
    !(PLAN_STATUSES as readonly string[]).includes(cellValue(status.value).toLowerCase())
  ) {
    report("metadata-invalid", status.line, `Status “${status.value}” is not one of ${PLAN_STATUSES.join(", ")}.`);
  }
  const dates: Record<string, number> = {};
  for (const field of ["Created", "Last updated"] as const) {
    const entry = doc.metadata.get(field);
    if (!entry || !hasWords(entry.value) || placeholdersIn(entry.value).length > 0) continue;
    const value = cellValue(entry.value);
    const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
    if (Number.isNaN(time)) report("metadata-invalid", entry.line, `${field} “${entry.value}” is not a date written as YYYY-MM-DD.`);
    else dates[field] = time;
  }
  if (dates.Created !== undefined && dates["Last updated"] !== undefined && dates["Last updated"] < dates.Created) {
    report("metadata-invalid", doc.metadata.get("Last updated")!.line, "Last updated is earlier than Created.");
  }

  const order = SECTIONS.map((s) => s.key);
  for (const [index, spec] of SECTIONS.entries()) {
    if (!spec.required || spec.key === LAST_SECTION_KEY || sections.has(spec.key)) continue;
    const next = SECTIONS.slice(index + 1)
      .map((s) => sections.get(s.key))
      .find((s) => s !== undefined);
    report(
      "section-missing",
      next?.heading.line ?? lastLine(doc),
      `The required section “${spec.heading}” is missing${next ? ` (it belongs before “${next.heading.text}”)` : ""}.`,
    );
  }
  for (const section of sections.values()) {
    const key = section.spec!.key;
    if (!section.spec!.required || key === "tasks" || key === LAST_SECTION_KEY || hasContent(section.lines)) continue;
    report(
      "section-empty",
      section.heading.line,
      `The section “${section.heading.text}” has no content of its own yet.`,
      `${section.spec!.guide} ${RULES_BY_ID["section-empty"].hint}`,
    );
  }
  let furthest: PlanSection | null = null;
  for (const section of sections.values()) {
    if (furthest && order.indexOf(section.spec!.key) < order.indexOf(furthest.spec!.key)) {
      report(
        "section-order",
        section.heading.line,
        `“${section.heading.text}” comes after “${furthest.heading.text}”; the template puts it before.`,
      );
    } else furthest = section;
  }

  const notes = sections.get(LAST_SECTION_KEY);
  if (!notes) report("revision-note-missing", lastLine(doc), "The plan has no Revision Notes section at the bottom.");
  else if (doc.sections.at(-1) !== notes)
    report(
      "revision-note-missing",
      notes.heading.line,
      "Revision Notes is not the last section: the notes belong at the bottom of the plan.",
    );
  else if (entriesOf(notes.lines).length === 0) report("revision-note-missing", notes.heading.line, "Revision Notes has no note yet.");

  const success = sections.get("success");
  if (success && hasContent(success.lines) && !success.lines.some((l) => l.kind === "prose" && /^\s*[-*+]\s+\[[ xX]\]/.test(l.text))) {
    report("success-criteria-checklist", success.heading.line, "Success Criteria / Acceptance Tests has no checklist items (- [ ] …).");
  }
  const tests = sections.get("tests");
  if (tests && hasContent(tests.lines) && !readTables(tests.lines).some((t) => t.separator && t.rows.some((r) => r.cells.some(hasWords)))) {
    report("quality-gates-table", tests.heading.line, "Test Plan and Quality Gates has no table of gates with a filled row.");
  }
}

function checkFormatting(doc: PlanDocument, report: Report) {
  for (const heading of doc.headings) {
    const next = doc.lines[heading.line];
    if (next && next.kind !== "blank")
      report("heading-blank-line", heading.line, `The heading “${heading.text}” is not followed by a blank line.`);
  }
  const nonBlank = doc.lines.filter((l) => l.kind !== "blank");
  for (const fence of doc.fences) {
    const wrapsAll = fence.open === nonBlank[0]?.number && fence.close === nonBlank.at(-1)?.number;
    report(
      "nested-fence",
      fence.open,
      wrapsAll
        ? "The whole plan is wrapped in a triple-backtick fence; a plan file omits the outer fence."
        : `A triple-backtick code fence opens here${fence.close ? ` and closes on line ${fence.close}` : " and never closes"}.`,
    );
  }
  for (const section of doc.sections) {
    if (!hasContent(section.lines)) continue;
    for (const line of section.lines) {
      const placeholders = line.kind === "prose" && headingOf(line) === null ? placeholdersIn(line.text) : [];
      if (placeholders.length > 0)
        report("placeholder-left", line.number, `A template placeholder is left here: ${placeholders.join(", ")}.`);
    }
  }
}

const STATUS_SYNONYMS: Record<string, string> = {
  done: "completed",
  complete: "completed",
  finished: "completed",
  todo: "pending",
  "not started": "pending",
  open: "pending",
  doing: "in_progress",
  wip: "in_progress",
  started: "in_progress",
  review: "review_required",
  "in review": "review_required",
  stuck: "blocked",
};

function suggestStatus(status: string): string | null {
  const value = status.toLowerCase().trim();
  const underscored = value.replace(/[\s-]+/g, "_");
  if ((TASK_STATUSES as readonly string[]).includes(underscored)) return underscored;
  return STATUS_SYNONYMS[value] ?? null;
}

function checkTasks(sections: Map<string, PlanSection>, report: Report): TaskTable {
  const section = sections.get("tasks");
  if (!section) return { line: null, tasks: [], problems: [] };
  const table = parseTaskTable(section.lines);
  if (table.line === null && table.problems.length > 0) {
    report("task-table-malformed", section.heading.line, table.problems[0]!.message);
    return table;
  }
  for (const problem of table.problems) report("task-table-malformed", problem.line, problem.message);
  if (table.problems.length === 0 && table.tasks.length === 0)
    report("task-table-empty", table.line!, "The task table has no task rows yet.");
  const inProgress: number[] = [];
  for (const task of table.tasks) {
    const name = `Task ${task.id || `on line ${task.line}`}`;
    if (!task.statusKey) {
      const suggestion = task.status ? suggestStatus(task.status) : null;
      report(
        "task-status-unknown",
        task.line,
        task.status ? `${name} has the status “${task.status}”, which is not a status key.` : `${name} has no status.`,
        suggestion ? `Write ${suggestion}. ${RULES_BY_ID["task-status-unknown"].hint}` : undefined,
      );
    }
    if (!task.typeKey)
      report(
        "task-type-unknown",
        task.line,
        task.type ? `${name} has the type “${task.type}”, which is not a task type.` : `${name} has no type.`,
      );
    if (task.statusKey === "completed" && !hasWords(task.evidence))
      report("task-evidence-missing", task.line, `${name} is completed but names no evidence.`);
    if (task.statusKey === "blocked" && !hasWords(task.evidence))
      report("task-evidence-missing", task.line, `${name} is blocked but does not say what blocks it.`);
    if (task.statusKey === "in_progress") inProgress.push(task.line);
    const entries = fileEntries(task.files);
    if (entries.length === 0) report("path-line-missing", task.line, `${name} names no file.`);
    for (const entry of entries) {
      const result = checkReference(entry.text);
      if (result.kind === "no-line") report("path-line-missing", task.line, `${name} names ${entry.text} without a line number.`);
      else if (result.kind === "malformed" && !entry.inCode)
        report("path-line-malformed", task.line, `${name}: ${entry.text} is not a path:line reference: ${result.problem}.`);
    }
  }
  if (inProgress.length > 1) {
    report("task-in-progress-many", inProgress[1]!, `${inProgress.length} tasks are in_progress (lines ${inProgress.join(", ")}).`);
  }
  return table;
}

function checkReferences(doc: PlanDocument, sections: Map<string, PlanSection>, report: Report) {
  const good = new Set<number>();
  for (const line of doc.lines) {
    if (line.kind !== "prose") continue;
    for (const match of line.text.matchAll(/(`+)([^`]+?)\1/g)) {
      const span = match[2]!.trim();
      if (!isReferenceCandidate(span)) continue;
      const result = checkReference(span);
      if (result.kind === "ok") good.add(line.number);
      else report("path-line-malformed", line.number, `\`${span}\` is not a path:line reference: ${result.problem}.`);
    }
  }
  const context = sections.get("context");
  if (context && hasContent(context.lines) && !context.lines.some((l) => good.has(l.number))) {
    report("path-line-missing", context.heading.line, "Context & Orientation has no `path:line` reference to the code it describes.");
  }
}

function checkHistory(doc: PlanDocument, sections: Map<string, PlanSection>, previousText: string, text: string, report: Report) {
  const previous = sectionMap(parsePlan(previousText));
  const histories = [
    { key: "decisions", name: "Decision Log", shrank: "decision-log-shrank" as const, noun: "entry", article: "an" },
    { key: LAST_SECTION_KEY, name: "Revision Notes", shrank: "revision-notes-shrank" as const, noun: "note", article: "a" },
  ];
  let notesAdded = 0;
  for (const history of histories) {
    const before = previous.get(history.key);
    if (!before) continue;
    const after = sections.get(history.key);
    const change = compareEntries(entriesOf(before.lines), after ? entriesOf(after.lines) : []);
    const at = after?.heading.line ?? lastLine(doc);
    for (const entry of change.removed) {
      report(history.shrank, at, `${history.name} lost ${history.article} ${history.noun} of the previous revision: ${quote(entry.text)}.`);
    }
    for (const { before: old, after: now } of change.rewritten) {
      report("history-rewritten", now.line, `This ${history.noun} of ${history.name} was changed; it read ${quote(old.text)}.`);
    }
    if (history.key === LAST_SECTION_KEY) notesAdded = change.added.length;
  }
  if (notesAdded === 0 && previousText.trim() !== text.trim() && sections.has(LAST_SECTION_KEY)) {
    report(
      "revision-note-not-added",
      sections.get(LAST_SECTION_KEY)!.heading.line,
      "This revision changes the plan but adds no revision note.",
    );
  }
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

export function checkPlan(text: string, options: CheckOptions = {}): CheckResult {
  const doc = parsePlan(text);
  const sections = sectionMap(doc);
  const findings: Finding[] = [];
  const report: Report = (rule, line, message, hint) => {
    const spec = RULES_BY_ID[rule];
    findings.push({ rule, severity: spec.severity, line, message, hint: hint ?? spec.hint });
  };
  checkStructure(doc, sections, report);
  checkFormatting(doc, report);
  const tasks = checkTasks(sections, report);
  checkReferences(doc, sections, report);
  for (const term of undefinedTerms(doc, options.terms ?? DEFAULT_TERMS)) {
    report("jargon-undefined", term.line, `“${term.term}” is used${term.uses > 1 ? ` ${term.uses} times` : ""} but never defined.`);
  }
  if (options.previous != null) checkHistory(doc, sections, options.previous, text, report);
  findings.sort((a, b) => a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule));
  const status = doc.metadata.get("Status");
  return {
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    title: doc.title ? doc.title.text.replace(/^ExecPlan:\s*/i, "").trim() || null : null,
    status: status ? cellValue(status.value).toLowerCase() : null,
    tasks,
    progress: progressByPhase(tasks.tasks),
  };
}
