// The checker's rules: the one list the checker, the CLI, the rules page and the README use.
type Severity = "error" | "warning";

export type Rule = {
  id: string;
  severity: Severity;
  group: "Structure" | "Formatting" | "Task table" | "References" | "Language" | "History";
  /** What the rule checks, in a sentence. */
  checks: string;
  /** How to fix a finding. */
  hint: string;
};

export const RULES = [
  {
    id: "title-missing",
    severity: "error",
    group: "Structure",
    checks: "The plan opens with a level-1 heading naming it, such as `# ExecPlan: Export invoices as CSV`.",
    hint: "Start the file with `# ExecPlan: {short title}` and a blank line.",
  },
  {
    id: "metadata-missing",
    severity: "error",
    group: "Structure",
    checks:
      "The metadata block under the title has every field: Status, Repo/Branch, Scope/Priority (or the canonical `Scope: … • Priority: …`), Created (or Start), Last updated, Links. A field still holding a {placeholder} is to-do progress. PLANS.md plans have no metadata block.",
    hint: "Add the field as `Name: value` on its own line between the title and the first section, and replace any {placeholder}.",
  },
  {
    id: "metadata-invalid",
    severity: "error",
    group: "Structure",
    checks:
      "Status is one of draft, proposed, in_progress, blocked, review_required, completed (written as keys or words: “In Progress”, “Complete”); Created and Last updated are dates (YYYY-MM-DD) or ISO 8601 times (2025-10-15T20:20Z), and Last updated is not before Created.",
    hint: "Use a known status and ISO dates such as 2026-03-04 or times such as 2026-03-04T09:30Z.",
  },
  {
    id: "section-missing",
    severity: "error",
    group: "Structure",
    checks:
      "Every required section of the plan's profile (the spec's template, or OpenAI's PLANS.md) is present as a level-2 heading. A section that is there but not written yet is to-do progress, not a finding.",
    hint: "Add the section as `## Name` followed by a blank line and its content; a living section may start with “None yet.”.",
  },
  {
    id: "section-order",
    severity: "warning",
    group: "Structure",
    checks:
      "Sections appear in the template's order, so every reader finds them in the same place (the spec's template; PLANS.md fixes no order).",
    hint: "Move the section to its place in the template's order (see the section list on this page).",
  },
  {
    id: "revision-note-missing",
    severity: "error",
    group: "Structure",
    checks:
      "A plan revised after it was created (Last updated later than Created) has a note at the bottom saying what changed and why: a Revision Notes section, or a paragraph opening “Revision note”. Revision Notes, when present, is the last section.",
    hint: "End the plan with `## Revision Notes` and a note such as “- 2026-03-04 — Marked 1.2 completed; why.”.",
  },
  {
    id: "heading-blank-line",
    severity: "error",
    group: "Formatting",
    checks: "Every heading is followed by a blank line, as the spec asks (two newlines after every heading).",
    hint: "Insert an empty line after the heading.",
  },
  {
    id: "nested-fence",
    severity: "error",
    group: "Formatting",
    checks: "The plan has no triple-backtick code fences: a plan is shown inside one fenced block, which a nested fence would break.",
    hint: "Indent commands, transcripts and code by four spaces instead of fencing them.",
  },
  {
    id: "placeholder-left",
    severity: "warning",
    group: "Formatting",
    checks: "No {placeholder} of the template is left in a section that has been written.",
    hint: "Replace the {placeholder} with the real value, or delete it.",
  },
  {
    id: "task-table-malformed",
    severity: "error",
    group: "Task table",
    checks:
      "Detailed Phase Task Steps holds a table that parses as GitHub parses it: a header with the columns ID, Phase, Task, Type, Files, Status, Evidence (or the canonical template's Status, Phase #, Task #, Task Type, Description), a separator row with as many cells, and rows with one cell per column (a | inside code splits a cell unless written \\|), unique IDs and a task description.",
    hint: "Use the header | ID | Phase | Task | Type | Files | Status | Evidence | with a |---| separator row, give every row all its cells, and escape a pipe inside a cell as \\|.",
  },
  {
    id: "task-status-unknown",
    severity: "error",
    group: "Task table",
    checks:
      "Each task's Status is one of the status keys: pending, in_progress, blocked, review_required, completed (in the canonical template's table: @ in progress, X complete, blank outstanding).",
    hint: "Use one of the status keys exactly, for example in_progress rather than “in progress” or “doing”.",
  },
  {
    id: "task-type-unknown",
    severity: "error",
    group: "Task table",
    checks:
      "Each task's Type is one of the task types: test, code, docs, spike, review (in the canonical template's table: Code, Read, Action, Test, Gate, Human).",
    hint: "Use one of the task types exactly; label exploratory work spike.",
  },
  {
    id: "task-evidence-missing",
    severity: "warning",
    group: "Task table",
    checks:
      "A completed task names its evidence (a command and its output, a commit or a path), and a blocked task says what blocks it (tables with an Evidence column).",
    hint: "Fill the Evidence cell: for completed, the proof; for blocked, the blocker and the one question that would unblock it.",
  },
  {
    id: "task-in-progress-many",
    severity: "warning",
    group: "Task table",
    checks: "At most one task is in_progress at a time (one per worker).",
    hint: "Finish or park the other tasks (pending or blocked) so only the one being worked on is in_progress.",
  },
  {
    id: "path-line-malformed",
    severity: "error",
    group: "References",
    checks:
      "Every file reference (a code span such as `lib/a.ts:12`, and every entry of the task table's Files column) is a repository-relative `path:line` or `path:start-end`. URL routes (`/plans/:id`, `/api/items/{id}`), URLs and globs are not file references.",
    hint: "Write the full repository-relative path with forward slashes, one colon and a line number from 1: `src/export/csv.ts:41`.",
  },
  {
    id: "path-line-missing",
    severity: "warning",
    group: "References",
    checks:
      "A task that changes files (code or docs; Code or Read in the canonical table) names them, every file a task names has a line number (directories and globs need none), and Context & Orientation points at the code with at least one `path:line` reference. PLANS.md plans name files by path alone.",
    hint: "Add the line where the reader should look (`path:1` for a file the task creates).",
  },
  {
    id: "jargon-undefined",
    severity: "error",
    group: "Language",
    checks:
      "Every term from the plan's word list that the plan uses is defined somewhere in it: written as “term (…)”, “term — …”, “term: …”, “term means …”, “term is a/an/the …”, “term, which …”, “term refers to …” or “called term”.",
    hint: "Define the term in plain language where it first appears, and say where it shows up in this repository; or do not use it.",
  },
  {
    id: "decision-log-shrank",
    severity: "error",
    group: "History",
    checks:
      "Compared with the previous revision, no Decision Log entry has been removed (an entry may be edited). Saving such a revision is refused.",
    hint: "Put the removed entry back; to reverse a decision, add a new entry that supersedes it and says why.",
  },
  {
    id: "revision-notes-shrank",
    severity: "error",
    group: "History",
    checks: "Compared with the previous revision, no revision note has been removed. Saving such a revision is refused.",
    hint: "Put the removed note back; revision notes are the plan's history and only grow.",
  },
  {
    id: "history-rewritten",
    severity: "warning",
    group: "History",
    checks: "Compared with the previous revision, earlier Decision Log entries and revision notes are unchanged.",
    hint: "Leave earlier entries as they were and add a new entry with the correction.",
  },
  {
    id: "revision-note-not-added",
    severity: "error",
    group: "History",
    checks: "A revision that changes the plan adds a revision note at the bottom describing the change and why.",
    hint: "Add a note to Revision Notes: the date, what changed in this revision, and why.",
  },
  {
    id: "success-criteria-checklist",
    severity: "warning",
    group: "Structure",
    checks: "Success Criteria / Acceptance Tests is a checklist (- [ ] …) of runnable checks.",
    hint: "Write each criterion as a checklist item with the command and its expected output.",
  },
  {
    id: "quality-gates-table",
    severity: "warning",
    group: "Structure",
    checks: "Test Plan and Quality Gates has a table of gates with at least one row.",
    hint: "Add a table such as | Gate | Command | Where it runs | Expected result | with one row per gate.",
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

export const RULES_BY_ID = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, Rule>;

/** Rules whose error refuses a save: the Decision Log and revision notes only grow. */
export const REFUSING_RULES: readonly RuleId[] = ["decision-log-shrank", "revision-notes-shrank"];

export type Finding = {
  rule: RuleId;
  severity: Severity;
  /** 1-based line in the plan. */
  line: number;
  message: string;
  hint: string;
};
