// The canonical ExecPlan template: the metadata block (a list, so it renders one field a line),
// every section of the spec in order with a {placeholder} saying what belongs there, the task
// and quality-gate table headers, and the revision notes at the bottom.
import { SECTIONS, TASK_COLUMNS, TASK_STATUSES, TASK_TYPES } from "./format";

const TASK_GUIDE = `{One row per task, grouped by phase (M1, M2, …). Type is one of ${TASK_TYPES.join(", ")}. Files are repository-relative \`path:line\` references. Status is one of ${TASK_STATUSES.join(", ")}. Evidence holds the proof of a completed task or the blocker of a blocked one.}`;

const GATE_COLUMNS = ["Gate", "Command", "Where it runs", "Expected result"];

const tableHeader = (columns: readonly string[]) => [
  `| ${columns.join(" | ")} |`,
  `|${columns.map((c) => "-".repeat(c.length + 2)).join("|")}|`,
];

const BODIES: Record<string, string[]> = {
  tasks: [TASK_GUIDE, "", ...tableHeader(TASK_COLUMNS)],
  tests: [`{${SECTIONS.find((s) => s.key === "tests")!.guide}}`, "", ...tableHeader(GATE_COLUMNS)],
  revisions: [`- {${SECTIONS.find((s) => s.key === "revisions")!.guide}}`],
};

export function planTemplate({ title, date }: { title: string; date: string }): string {
  const lines = [
    `# ExecPlan: ${title}`,
    "",
    "- Status: draft",
    "- Repo/Branch: {repository} / {branch}",
    "- Scope/Priority: {what is in scope, and its priority}",
    `- Created: ${date}`,
    `- Last updated: ${date}`,
    "- Links: {in-repository paths only}",
  ];
  for (const section of SECTIONS) {
    lines.push("", `## ${section.heading}`, "", ...(BODIES[section.key] ?? [`{${section.guide}}`]));
  }
  return `${lines.join("\n")}\n`;
}
