import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getContent } from "@/lib/content";
import { failingProblems } from "@/lib/content/loader";
import { programRoute } from "@/lib/content/links";

export const metadata: Metadata = { title: "Authoring" };

type Problem = ReturnType<typeof getContent>["problems"][number];

function ProblemTable({ label, problems, failing }: { label: string; problems: Problem[]; failing: Set<Problem> }) {
  return (
    <DataTable
      label={label}
      headers={["Where", "Field", "Problem", "Kind"]}
      rows={problems.map((p, i) => ({
        key: `${p.file}:${p.line}:${i}`,
        cells: [
          <span key="where" className="font-mono text-xs">
            {p.file}:{p.line}
          </span>,
          <span key="field" className="font-mono text-xs">
            {p.field}
          </span>,
          p.message,
          <Badge key="kind" tone={failing.has(p) ? "danger" : "neutral"}>
            {failing.has(p) ? p.kind : `${p.kind} (template)`}
          </Badge>,
        ],
      }))}
    />
  );
}

export default function AuthorPage() {
  const content = getContent();
  const failing = new Set(failingProblems(content));
  const slugs = [...new Set([...content.programs.map((p) => p.slug), ...content.problems.map((p) => p.program)])].sort();
  return (
    <>
      <PageHeader title="Authoring">
        Content problems in <code>{content.root}</code>, as <code>npm run content:check</code> reports them: what to fix first, then a
        template&apos;s placeholders to fill. Fix the file and reload.
      </PageHeader>
      {slugs.map((slug) => {
        const program = content.programs.find((p) => p.slug === slug);
        const problems = content.problems.filter((p) => p.program === slug);
        const toFix = problems.filter((p) => failing.has(p));
        const notices = problems.filter((p) => !failing.has(p));
        const errors = toFix.length;
        return (
          <section key={slug} aria-labelledby={`program-${slug}`} className="mb-8">
            <h2 id={`program-${slug}`} className="flex flex-wrap items-center gap-2 text-xl font-semibold">
              {program ? <Link href={programRoute(slug)}>{program.meta.title}</Link> : slug}
              {program?.meta.template ? <Badge tone="warning">Template</Badge> : null}
              {!program ? <Badge tone="danger">Not loaded</Badge> : null}
              <Badge tone={errors > 0 ? "danger" : "success"}>{errors > 0 ? `${errors} to fix` : "OK"}</Badge>
            </h2>
            {toFix.length === 0 ? (
              <p className="mt-2 text-muted">No problems to fix.</p>
            ) : (
              <div className="mt-3">
                <ProblemTable label={`Problems in ${slug}`} problems={toFix} failing={failing} />
              </div>
            )}
            {notices.length > 0 ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm">
                  {notices.length} template placeholder{notices.length === 1 ? "" : "s"} to fill
                </summary>
                <div className="mt-2">
                  <ProblemTable label={`Template placeholders in ${slug}`} problems={notices} failing={failing} />
                </div>
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
