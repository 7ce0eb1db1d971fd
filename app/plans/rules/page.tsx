import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { CodeText } from "@/components/plans/code-text";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { METADATA_FIELDS, PLAN_STATUSES, SECTIONS, TASK_COLUMNS, TASK_STATUSES, TASK_TYPES } from "@/lib/execplans/format";
import { DEFAULT_TERMS } from "@/lib/execplans/jargon";
import { REFUSING_RULES, RULES } from "@/lib/execplans/rules";

export const metadata: Metadata = { title: "ExecPlan checker rules" };

const code = (text: string) => <code className="rounded bg-sunken px-1 font-mono text-sm">{text}</code>;
const GROUPS = [...new Set(RULES.map((r) => r.group))];

function CodeList({ items }: { items: readonly string[] }) {
  return items.map((item, i) => (
    <span key={item}>
      {i > 0 ? ", " : ""}
      {code(item)}
    </span>
  ));
}

export default function RulesPage() {
  return (
    <>
      <PageHeader title="ExecPlan checker rules" eyebrow={<Link href="/plans">Plans</Link>}>
        What the checker reports about a plan, on every save in the app and from the command line with{" "}
        {code("npm run execplan:check -- PLAN.md")} (add {code("--previous OLD.md")} for the history rules and {code("--terms TERMS.txt")}{" "}
        for your own word list; it exits 1 when a plan has an error).
      </PageHeader>

      <p className="mb-4">
        Every finding names its line, its rule, a severity and how to fix it. An <Badge tone="danger">error</Badge> breaks the spec; a{" "}
        <Badge tone="warning">warning</Badge> is a habit the program asks for. A plan with errors is still saved, so a draft can grow
        section by section, except in one case: a save that removes a Decision Log entry or a revision note ({REFUSING_RULES.join(", ")}) is
        refused, because a plan&apos;s history only grows. An entry counts as kept when it is still there word for word or edited with at
        least half of its words; an entry saying only “None yet” does not count.
      </p>

      {GROUPS.map((group) => (
        <Section key={group} id={group.toLowerCase().replace(/\s+/g, "-")} title={group}>
          <dl className="space-y-3">
            {RULES.filter((r) => r.group === group).map((rule) => (
              <div key={rule.id} id={rule.id} className="card p-3">
                <dt className="flex flex-wrap items-center gap-2">
                  <span className="font-mono font-semibold">{rule.id}</span>
                  <Badge tone={rule.severity === "error" ? "danger" : "warning"}>{rule.severity}</Badge>
                </dt>
                <dd className="mt-1">
                  <CodeText text={rule.checks} />
                </dd>
                <dd className="mt-1 text-sm text-muted">
                  Fix: <CodeText text={rule.hint} />
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      ))}

      <Section id="format" title="The format the rules check">
        <div className="prose">
          <p>
            The title is a level-1 heading, {code("# ExecPlan: {short title}")}. Under it, the metadata block: one {code("Field: value")}{" "}
            line each for {METADATA_FIELDS.join(", ")}. Status is one of {PLAN_STATUSES.join(", ")}; dates are written YYYY-MM-DD.
          </p>
          <p>The sections, as level-2 headings in this order (the revision notes last):</p>
          <ol>
            {SECTIONS.map((s) => (
              <li key={s.key}>
                <strong>{s.heading}</strong>
                {s.required ? "" : " (optional)"}: {s.guide}
              </li>
            ))}
          </ol>
          <p>
            The Detailed Phase Task Steps table has the columns {TASK_COLUMNS.join(", ")} (in any order; more columns are allowed). Status
            keys: <CodeList items={TASK_STATUSES} />. Task types: <CodeList items={TASK_TYPES} />. Progress is the share of{" "}
            {code("completed")} tasks in each phase.
          </p>
          <p>
            A file reference is a repository-relative {code("path:line")} or {code("path:start-end")}, such as{" "}
            {code("src/export/csv.ts:41")}: forward slashes, no leading {code("/")}, {code("./")} or {code("../")}, one colon, lines from 1.
            The checker reads code spans that look like a path followed by a colon, and every entry of the Files column.
          </p>
          <p>
            Commands, transcripts and code are indented by four spaces, never fenced with triple backticks: a plan is shown inside one
            fenced block, which a nested fence would close.
          </p>
          <p>
            Each plan has its own word list, edited beside the editor. The default list: {DEFAULT_TERMS.join(", ")}. Terms inside code,
            headings, link targets and placeholders are not counted as uses.
          </p>
        </div>
      </Section>
    </>
  );
}
