// The ExecPlan format of the spec (shared/seeds/execplan-spec.md) as data: metadata fields,
// the sections in their canonical order, the task table's columns, status keys and task types —
// the app's own template and the canonical template the spec names (`systems/codex/execplan.md`).
import { STATUSES } from "../packets/transitions";

/** Plan statuses: the app's keys and the canonical template's words (Proposed, In Progress, Blocked, Complete), compared as keys. */
export const PLAN_STATUSES = ["draft", "proposed", "in_progress", "blocked", "review_required", "completed", "complete"] as const;

export const METADATA_FIELDS = ["Status", "Repo/Branch", "Scope/Priority", "Created", "Last updated", "Links"] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** How the canonical template names the same fields: `Scope: … • Priority: …` and `Start: …`. */
export const METADATA_ALIASES: Record<string, MetadataField> = { Scope: "Scope/Priority", Priority: "Scope/Priority", Start: "Created" };

export type SectionSpec = {
  key: string;
  /** The heading the template writes. */
  heading: string;
  /** Headings that count as this section (compared after normalising, see sectionKeyOf). */
  aliases: string[];
  required: boolean;
  /** Place in the template's order; sections of equal rank may come in either order. */
  rank: number;
  /** What belongs in it, shown as the template's placeholder. */
  guide: string;
};

export const SECTIONS: SectionSpec[] = [
  {
    key: "purpose",
    heading: "Purpose / Big Picture",
    aliases: ["purpose", "big picture", "purpose and big picture"],
    required: true,
    rank: 0,
    guide: "What someone can do after this change that they could not do before, and how to see it working.",
  },
  {
    key: "success",
    heading: "Success Criteria / Acceptance Tests",
    aliases: ["success criteria", "acceptance tests", "success criteria and acceptance tests", "acceptance criteria"],
    required: true,
    rank: 1,
    guide: "A checklist (- [ ] …) of runnable checks: the command, where to run it and the output that proves success.",
  },
  {
    key: "stack",
    heading: "Tech Stack, Constraints, Development Approach",
    aliases: [
      "tech stack constraints development approach",
      "tech stack constraints and development approach",
      "tech stack",
      "constraints",
      "development approach",
    ],
    required: true,
    rank: 2,
    guide: "Languages, frameworks and versions; limits the work must respect; how the work proceeds (for example, test first).",
  },
  {
    key: "context",
    heading: "Context & Orientation",
    aliases: ["context and orientation", "context", "orientation"],
    required: true,
    rank: 3,
    guide: "How the parts fit together, with repository-relative `path:line` references; define every term of art where it first appears.",
  },
  {
    key: "phases",
    heading: "High-Level Phase Plan",
    aliases: ["high level phase plan", "phase plan", "milestones"],
    required: true,
    rank: 4,
    guide: "Each milestone as a short story: goal, work, result, proof (the acceptance command and its expected output).",
  },
  {
    key: "tasks",
    heading: "Detailed Phase Task Steps",
    aliases: ["detailed phase task steps", "phase task steps", "task steps"],
    required: true,
    rank: 5,
    guide: "One row per task: the single source of progress.",
  },
  {
    key: "progress",
    heading: "Progress Per Session",
    aliases: ["progress per session", "progress"],
    required: true,
    rank: 6,
    guide: "A journal, newest last: what happened in each session and what is next. None yet at the start.",
  },
  {
    key: "surprises",
    heading: "Surprises & Discoveries",
    aliases: ["surprises and discoveries", "surprises"],
    required: true,
    rank: 7,
    guide: "Unexpected behaviour, with a short evidence snippet. None yet at the start.",
  },
  {
    key: "decisions",
    heading: "Decision Log",
    aliases: ["decision log", "decisions"],
    required: true,
    rank: 8,
    guide: "One entry per decision: date, decision, reason. Entries are never removed.",
  },
  {
    key: "dependencies",
    heading: "Dependencies, Security/Privacy/Compliance, Observability",
    aliases: [
      "dependencies security privacy compliance observability",
      "dependencies security observability",
      "dependencies",
      "security privacy compliance",
      "observability",
    ],
    required: false,
    rank: 9,
    guide: "Optional: what this work depends on, security and privacy concerns, what to log or measure.",
  },
  {
    key: "tests",
    heading: "Test Plan and Quality Gates",
    aliases: ["test plan and quality gates", "test plan", "quality gates"],
    required: true,
    rank: 10,
    guide: "The tests to add and a table of gates: the exact commands (tests, lint, type check, build) and where they run.",
  },
  {
    key: "recovery",
    heading: "Idempotence & Recovery",
    aliases: ["idempotence and recovery", "recovery"],
    required: true,
    rank: 10,
    guide: "How to rerun each step safely, and how to retry or back out of a step that fails half-way.",
  },
  {
    key: "artifacts",
    heading: "Artifacts & Notes",
    aliases: ["artifacts and notes", "artifacts", "artefacts and notes", "artefacts"],
    required: true,
    rank: 12,
    guide: "Files, transcripts and outputs this work produces, and where they are kept.",
  },
  {
    key: "review",
    heading: "PR & Review",
    aliases: ["pr and review", "pull request and review", "review"],
    required: true,
    rank: 13,
    guide: "How the change is proposed and reviewed, and which milestones end at a review_required gate.",
  },
  {
    key: "outcomes",
    heading: "Outcomes & Retrospective",
    aliases: ["outcomes and retrospective", "outcomes", "retrospective"],
    required: true,
    rank: 14,
    guide: "At each major milestone and at the end: what was achieved, what remains, lessons learned. None yet at the start.",
  },
  {
    key: "revisions",
    heading: "Revision Notes",
    aliases: ["revision notes", "revision note", "revisions", "revision history"],
    required: true,
    rank: 15,
    guide: "YYYY-MM-DD — what changed in the plan, and why. Add a note with every revision; never remove one.",
  },
];

export const LAST_SECTION_KEY = "revisions";

/** The task table's status keys: the program's packet status model. */
export const TASK_STATUSES = STATUSES;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_TYPES = ["test", "code", "docs", "spike", "review"] as const;

export const TASK_COLUMNS = ["ID", "Phase", "Task", "Type", "Files", "Status", "Evidence"] as const;

/**
 * The canonical template's task table: `Status | Phase # | Task # | Task Type | Description`, with the
 * status keys `@` (in progress), `X` (complete) and blank (outstanding), and its own task types.
 */
export const CANONICAL_TASK_COLUMNS = ["Status", "Phase #", "Task #", "Task Type", "Description"] as const;
export const CANONICAL_TASK_STATUSES: Record<string, TaskStatus> = { "@": "in_progress", x: "completed", "": "pending" };
export const CANONICAL_TASK_TYPES = ["code", "read", "action", "test", "gate", "human"] as const;
/** Canonical task types that always touch a file, so their description must name it. */
export const FILE_TASK_TYPES = ["code", "read"] as const;
