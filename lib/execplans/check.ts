// The ExecPlan checker: every rule of rules.ts applied to a plan's Markdown (and, for the
// history rules, to the previous revision), each finding with its line, severity and fix hint,
// against the profile the plan follows; sections not yet written are to-do, not findings.
import {
  entriesOf,
  hasWords,
  headingOf,
  isAnglePlaceholder,
  type PlanDocument,
  type PlanLine,
  type PlanSection,
  parsePlan,
  placeholdersIn,
  readTables,
  unwrapOuterFence,
} from "./document";
import { FILE_TASK_TYPES, LAST_SECTION_KEY, METADATA_FIELDS, PLAN_STATUSES, TASK_STATUSES } from "./format";
import { compareEntries } from "./history";
import { DEFAULT_TERMS, undefinedTerms } from "./jargon";
import type { ProfileId } from "./profiles";
import { checkReference, isReferenceCandidate, namesFile } from "./references";
import { revisionNotes } from "./revision-notes";
import { type Finding, type RuleId, RULES_BY_ID } from "./rules";
import { cellValue, fileEntries, parseTaskTable, type Progress, progressByPhase, type TaskTable } from "./task-table";

export type CheckOptions = {
  /** Terms that must be defined before use; the default list when omitted. */
  terms?: readonly string[];
  /** The previous revision's text, for the history rules. */
  previous?: string | null;
};

/** The parts of the plan still to write: required sections without content, metadata still a placeholder. */
type Outline = {
  written: number;
  total: number;
  todo: { line: number; label: string }[];
};

export type CheckResult = {
  profile: { id: ProfileId; name: string };
  findings: Finding[];
  errors: number;
  warnings: number;
  title: string | null;
  status: string | null;
  tasks: TaskTable;
  progress: Progress;
  outline: Outline;
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

/** Whether a metadata value is still to write: empty or a template placeholder. */
const unwritten = (value: string) => !hasWords(value) || placeholdersIn(value).length > 0 || isAnglePlaceholder(value);

/** `2026-03-04` or an ISO 8601 time such as `2025-10-15T20:20Z`, as the day it falls on (UTC). */
function dayOf(value: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!match) return NaN;
  const time = Date.parse(match[2] ? `${match[1]}T${match[2]}${match[3] ?? "Z"}` : `${match[1]}T00:00:00Z`);
  return Number.isNaN(time) ? NaN : Date.parse(new Date(time).toISOString().slice(0, 10));
}

const statusKey = (value: string) =>
  cellValue(value)
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** Checks the metadata block; returns the fields still to write and whether the plan was revised after it was created. */
function checkMetadata(doc: PlanDocument, report: Report): { todo: Outline["todo"]; revised: boolean } {
  const todo: Outline["todo"] = [];
  for (const field of METADATA_FIELDS) {
    const entry = doc.metadata.get(field);
    if (!entry) report("metadata-missing", doc.title?.line ?? 1, `The metadata field ${field} is missing.`);
    else if (unwritten(entry.value)) todo.push({ line: entry.line, label: `${field} (metadata)` });
  }
  const status = doc.metadata.get("Status");
  if (status && !unwritten(status.value) && !(PLAN_STATUSES as readonly string[]).includes(statusKey(status.value))) {
    report("metadata-invalid", status.line, `Status “${status.value}” is not one of ${PLAN_STATUSES.join(", ")}.`);
  }
  const days: Record<string, number> = {};
  for (const field of ["Created", "Last updated"] as const) {
    const entry = doc.metadata.get(field);
    if (!entry || unwritten(entry.value)) continue;
    const day = dayOf(cellValue(entry.value));
    if (Number.isNaN(day))
      report("metadata-invalid", entry.line, `${field} “${entry.value}” is not a date written as YYYY-MM-DD (or an ISO 8601 time).`);
    else days[field] = day;
  }
  const { Created: created, "Last updated": updated } = days;
  if (created !== undefined && updated !== undefined && updated < created) {
    report("metadata-invalid", doc.metadata.get("Last updated")!.line, "Last updated is earlier than Created.");
  }
  return { todo, revised: created !== undefined && updated !== undefined && updated > created };
}

/** Required sections missing or out of order, and the ones still to write. */
function checkSections(doc: PlanDocument, sections: Map<string, PlanSection>, tasks: TaskTable, report: Report): Outline {
  const specs = doc.profile.sections;
  const required = specs.filter((s) => s.required && s.key !== LAST_SECTION_KEY);
  for (const [index, spec] of specs.entries()) {
    if (!spec.required || spec.key === LAST_SECTION_KEY || sections.has(spec.key)) continue;
    const next = specs
      .slice(index + 1)
      .map((s) => sections.get(s.key))
      .find((s) => s !== undefined);
    report(
      "section-missing",
      next?.heading.line ?? lastLine(doc),
      `The required section “${spec.heading}” is missing${next ? ` (it belongs before “${next.heading.text}”)` : ""}.`,
    );
  }
  let furthest: PlanSection | null = null;
  for (const section of doc.profile.ordered ? sections.values() : []) {
    if (furthest && section.spec!.rank < furthest.spec!.rank) {
      report(
        "section-order",
        section.heading.line,
        `“${section.heading.text}” comes after “${furthest.heading.text}”; the template puts it before.`,
      );
    } else furthest = section;
  }
  const todo: Outline["todo"] = [];
  let written = 0;
  for (const spec of required) {
    const section = sections.get(spec.key);
    if (!section) continue;
    const done = spec.key === "tasks" ? tasks.tasks.length > 0 || tasks.problems.length > 0 : hasContent(section.lines);
    if (done) written++;
    else todo.push({ line: section.heading.line, label: section.heading.text });
  }
  return { written, total: required.length, todo };
}

/** The revision notes: at the bottom, and present once the plan has been revised. */
function checkRevisionNotes(doc: PlanDocument, sections: Map<string, PlanSection>, revised: boolean, report: Report) {
  const section = sections.get(LAST_SECTION_KEY);
  if (section && doc.sections.at(-1) !== section) {
    report(
      "revision-note-missing",
      section.heading.line,
      "Revision Notes is not the last section: the notes belong at the bottom of the plan.",
    );
    return;
  }
  if (!revised || revisionNotes(doc).length > 0) return;
  report(
    "revision-note-missing",
    section?.heading.line ?? lastLine(doc),
    section
      ? "The plan was revised (Last updated is later than Created) but Revision Notes has no note yet."
      : "The plan was revised (Last updated is later than Created) but has no revision note at the bottom.",
  );
}

function checkStructure(doc: PlanDocument, sections: Map<string, PlanSection>, tasks: TaskTable, report: Report): Outline {
  const title = doc.title;
  if (!title) report("title-missing", 1, "The plan has no level-1 title heading before its first section.");
  else if (!hasWords(title.text) || placeholdersIn(title.text).length > 0)
    report("title-missing", title.line, "The title still holds a {placeholder}.");
  const metadata = doc.profile.metadata ? checkMetadata(doc, report) : { todo: [], revised: false };
  const outline = checkSections(doc, sections, tasks, report);
  checkRevisionNotes(doc, sections, metadata.revised, report);

  const success = sections.get("success");
  if (success && hasContent(success.lines) && !success.lines.some((l) => l.kind === "prose" && /^\s*[-*+]\s+\[[ xX]\]/.test(l.text))) {
    report("success-criteria-checklist", success.heading.line, "Success Criteria / Acceptance Tests has no checklist items (- [ ] …).");
  }
  const tests = sections.get("tests");
  if (tests && hasContent(tests.lines) && !readTables(tests.lines).some((t) => t.separator && t.rows.some((r) => r.cells.some(hasWords)))) {
    report("quality-gates-table", tests.heading.line, "Test Plan and Quality Gates has no table of gates with a filled row.");
  }
  return { ...outline, todo: [...metadata.todo, ...outline.todo].sort((a, b) => a.line - b.line) };
}

function checkFormatting(doc: PlanDocument, report: Report) {
  for (const heading of doc.headings) {
    const next = doc.lines[heading.line];
    if (next && next.kind !== "blank")
      report("heading-blank-line", heading.line, `The heading “${heading.text}” is not followed by a blank line.`);
  }
  for (const fence of doc.fences) {
    report(
      "nested-fence",
      fence.open,
      `A triple-backtick code fence opens here${fence.close ? ` and closes on line ${fence.close}` : " and never closes"}.`,
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

/** Task types that always change a file, so the task must name it. */
const FILE_TYPES: Record<TaskTable["layout"], readonly string[]> = { app: ["code", "docs"], canonical: FILE_TASK_TYPES };

function checkTaskFiles(table: TaskTable, task: TaskTable["tasks"][number], name: string, report: Report) {
  const entries = fileEntries(task.files);
  const changesFiles = task.typeKey !== null && FILE_TYPES[table.layout].includes(task.typeKey);
  if (entries.length === 0 && changesFiles) report("path-line-missing", task.line, `${name} names no file.`);
  // The canonical Description mentions outputs and tools in passing; only a task that changes files must give lines.
  const needLines = table.layout === "app" || changesFiles;
  const withLine = new Set(entries.filter((e) => checkReference(e.text).kind === "ok").map((e) => e.text.split(":")[0]));
  for (const entry of entries) {
    const result = checkReference(entry.text);
    if (result.kind === "no-line" && needLines && namesFile(entry.text) && !withLine.has(entry.text))
      report("path-line-missing", task.line, `${name} names ${entry.text} without a line number.`);
    else if (result.kind === "malformed" && !entry.inCode)
      report("path-line-malformed", task.line, `${name}: ${entry.text} is not a path:line reference: ${result.problem}.`);
  }
}

function checkTasks(table: TaskTable, section: PlanSection, report: Report) {
  if (table.line === null) {
    report("task-table-malformed", section.heading.line, table.problems[0]!.message);
    return;
  }
  for (const problem of table.problems) report("task-table-malformed", problem.line, problem.message);
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
    if (table.layout === "app" && task.statusKey === "completed" && !hasWords(task.evidence))
      report("task-evidence-missing", task.line, `${name} is completed but names no evidence.`);
    if (table.layout === "app" && task.statusKey === "blocked" && !hasWords(task.evidence))
      report("task-evidence-missing", task.line, `${name} is blocked but does not say what blocks it.`);
    if (task.statusKey === "in_progress") inProgress.push(task.line);
    checkTaskFiles(table, task, name, report);
  }
  if (inProgress.length > 1) {
    report("task-in-progress-many", inProgress[1]!, `${inProgress.length} tasks are in_progress (lines ${inProgress.join(", ")}).`);
  }
}

/** The template's own way of showing the form: `path/to/file:line`. */
const TEMPLATE_REFERENCE = /:(?:line|lines|start-end|n)$/i;

function checkReferences(doc: PlanDocument, sections: Map<string, PlanSection>, report: Report) {
  if (!doc.profile.pathLines) return;
  const good = new Set<number>();
  for (const line of doc.lines) {
    if (line.kind !== "prose") continue;
    for (const match of line.text.matchAll(/(`+)([^`]+?)\1/g)) {
      const span = match[2]!.trim();
      if (!isReferenceCandidate(span)) continue;
      if (TEMPLATE_REFERENCE.test(span)) {
        good.add(line.number);
        continue;
      }
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
  const previousDoc = parsePlan(unwrapOuterFence(previousText).text);
  const previous = sectionMap(previousDoc);
  const decisionsBefore = previous.get("decisions");
  if (decisionsBefore) {
    const after = sections.get("decisions");
    const change = compareEntries(entriesOf(decisionsBefore.lines), after ? entriesOf(after.lines) : []);
    reportChange(change, "Decision Log", "decision-log-shrank", "an entry", after?.heading.line ?? lastLine(doc), report);
  }
  const notes = revisionNotes(doc);
  const change = compareEntries(revisionNotes(previousDoc), notes);
  const at = sections.get(LAST_SECTION_KEY)?.heading.line ?? notes[0]?.line ?? lastLine(doc);
  reportChange(change, "Revision Notes", "revision-notes-shrank", "a note", at, report);
  if (change.added.length === 0 && previousText.trim() !== text.trim()) {
    report("revision-note-not-added", at, "This revision changes the plan but adds no revision note.");
  }
}

function reportChange(
  change: ReturnType<typeof compareEntries>,
  name: string,
  shrank: "decision-log-shrank" | "revision-notes-shrank",
  noun: string,
  at: number,
  report: Report,
) {
  for (const entry of change.removed) report(shrank, at, `${name} lost ${noun} of the previous revision: ${quote(entry.text)}.`);
  for (const { before: old, after: now } of change.rewritten) {
    report("history-rewritten", now.line, `This ${noun.split(" ")[1]} of ${name} was changed; it read ${quote(old.text)}.`);
  }
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

export function checkPlan(source: string, options: CheckOptions = {}): CheckResult {
  const { text, fence } = unwrapOuterFence(source);
  const doc = parsePlan(text);
  const sections = sectionMap(doc);
  const findings: Finding[] = [];
  const report: Report = (rule, line, message, hint) => {
    const spec = RULES_BY_ID[rule];
    findings.push({ rule, severity: spec.severity, line, message, hint: hint ?? spec.hint });
  };
  if (fence) report("nested-fence", fence.open, "The whole plan is wrapped in a triple-backtick fence; a plan file omits the outer fence.");
  const taskSection = doc.profile.taskTable ? sections.get("tasks") : undefined;
  const tasks: TaskTable = taskSection ? parseTaskTable(taskSection.lines) : { line: null, layout: "app", tasks: [], problems: [] };
  const outline = checkStructure(doc, sections, tasks, report);
  checkFormatting(doc, report);
  if (taskSection) checkTasks(tasks, taskSection, report);
  checkReferences(doc, sections, report);
  for (const term of undefinedTerms(doc, options.terms ?? DEFAULT_TERMS)) {
    report("jargon-undefined", term.line, `“${term.term}” is used${term.uses > 1 ? ` ${term.uses} times` : ""} but never defined.`);
  }
  if (options.previous != null) checkHistory(doc, sections, options.previous, source, report);
  findings.sort((a, b) => a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule));
  const status = doc.metadata.get("Status");
  return {
    profile: { id: doc.profile.id, name: doc.profile.name },
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    title: doc.title ? doc.title.text.replace(/^ExecPlan:\s*/i, "").trim() || null : null,
    status: status && !unwritten(status.value) ? statusKey(status.value) : null,
    tasks,
    progress: progressByPhase(tasks.tasks),
    outline,
  };
}
