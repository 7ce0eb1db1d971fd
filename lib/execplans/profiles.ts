// The two plan formats the checker knows — the seed spec's template (the app's own and the
// canonical `systems/codex/execplan.md`) and OpenAI's PLANS.md skeleton — and which one a plan follows.
import { SECTIONS, type SectionSpec } from "./format";

export type ProfileId = "execplan-spec" | "plans-md";

export type Profile = {
  id: ProfileId;
  name: string;
  sections: SectionSpec[];
  /** Whether the profile has a metadata block, a task table and `path:line` references. */
  metadata: boolean;
  taskTable: boolean;
  pathLines: boolean;
  /** Whether sections must come in their rank order. */
  ordered: boolean;
};

const section = (key: string, heading: string, aliases: string[], required: boolean, guide: string): SectionSpec => ({
  key,
  heading,
  aliases,
  required,
  rank: 0,
  guide,
});

/** OpenAI's PLANS.md skeleton. The living sections and the ones the text calls not optional are required. */
const PLANS_MD_SECTIONS: SectionSpec[] = [
  section("purpose", "Purpose / Big Picture", ["purpose", "big picture", "purpose and big picture"], true, "Why the work matters."),
  section("progress", "Progress", ["progress"], true, "Checkbox list of steps with timestamps."),
  section("surprises", "Surprises & Discoveries", ["surprises and discoveries", "surprises"], true, "Unexpected findings with evidence."),
  section("decisions", "Decision Log", ["decision log", "decisions"], true, "Each decision with its rationale and date."),
  section("outcomes", "Outcomes & Retrospective", ["outcomes and retrospective", "outcomes", "retrospective"], true, "What was achieved."),
  section(
    "context",
    "Context and Orientation",
    ["context and orientation", "context", "orientation"],
    true,
    "The current state, for a novice.",
  ),
  section("work", "Plan of Work", ["plan of work"], true, "The sequence of edits, in prose."),
  section("steps", "Concrete Steps", ["concrete steps"], true, "The exact commands and where to run them."),
  section(
    "validation",
    "Validation and Acceptance",
    ["validation and acceptance", "validation", "acceptance"],
    true,
    "How to prove it works.",
  ),
  section("recovery", "Idempotence and Recovery", ["idempotence and recovery", "recovery"], true, "How to rerun or back out safely."),
  section(
    "artifacts",
    "Artifacts and Notes",
    ["artifacts and notes", "artifacts", "artefacts and notes", "artefacts"],
    false,
    "Transcripts and snippets.",
  ),
  section("interfaces", "Interfaces and Dependencies", ["interfaces and dependencies", "interfaces"], false, "Names and signatures."),
  section(
    "revisions",
    "Revision Notes",
    ["revision notes", "revision note", "revisions", "revision history"],
    false,
    "Notes on each revision.",
  ),
];

const EXECPLAN_SPEC: Profile = {
  id: "execplan-spec",
  name: "ExecPlan spec template",
  sections: SECTIONS,
  metadata: true,
  taskTable: true,
  pathLines: true,
  ordered: true,
};

const PLANS_MD: Profile = {
  id: "plans-md",
  name: "OpenAI PLANS.md",
  sections: PLANS_MD_SECTIONS,
  metadata: false,
  taskTable: false,
  pathLines: false,
  ordered: false,
};

/**
 * Lower case, `&` read as "and", a trailing bracketed note and punctuation dropped:
 * "Progress Per Session (Running Summary Log)" → "progress per session".
 */
function normaliseHeading(heading: string): string {
  return heading
    .replace(/(?:\s*(?:\([^()]*\)|\[[^[\]]*\]))+\s*:?\s*$/, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const byName = (sections: SectionSpec[]) =>
  new Map(sections.flatMap((s) => [normaliseHeading(s.heading), ...s.aliases].map((name) => [name, s] as const)));
const NAMES = new Map<ProfileId, Map<string, SectionSpec>>([
  [EXECPLAN_SPEC.id, byName(EXECPLAN_SPEC.sections)],
  [PLANS_MD.id, byName(PLANS_MD.sections)],
]);

export function sectionOf(profile: Profile, heading: string): SectionSpec | null {
  return NAMES.get(profile.id)!.get(normaliseHeading(heading)) ?? null;
}

/** Headings only PLANS.md has, and ones only the spec's template has. */
const PLANS_MD_ONLY = new Set(["progress", "plan of work", "concrete steps", "validation and acceptance", "interfaces and dependencies"]);
const SPEC_ONLY = new Set([
  "success criteria and acceptance tests",
  "detailed phase task steps",
  "high level phase plan",
  "pr and review",
  "tech stack",
]);

/**
 * The profile a plan follows: PLANS.md when its headings are more PLANS.md's own than the template's
 * (a metadata block of three fields or more counts twice for the template); the spec's template
 * otherwise, the app's default.
 */
export function detectProfile(headings: string[], hasMetadata: boolean): Profile {
  const names = headings.map(normaliseHeading);
  const plansMd = names.filter((n) => PLANS_MD_ONLY.has(n)).length;
  const spec = names.filter((n) => SPEC_ONLY.has(n)).length + (hasMetadata ? 2 : 0);
  return plansMd > spec ? PLANS_MD : EXECPLAN_SPEC;
}
