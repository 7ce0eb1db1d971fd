import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { compareRevisions } from "@/lib/execplans/compare";
import { planRoute } from "@/lib/execplans/links";
import { revisionText } from "@/lib/execplans/queries";
import { Moment } from "@/components/ui/moment";
import { readableOrNotice, revisionParam } from "../readable";
import { count } from "@/lib/ui/plural";

export const metadata: Metadata = { title: "Plan revisions" };

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const select = "ml-2 rounded border border-line bg-surface px-2 py-1";

export default async function RevisionsPage({ params, searchParams }: Props) {
  const [{ planId }, query] = await Promise.all([params, searchParams]);
  const { plan, notice } = await readableOrNotice(planId, "Plan revisions");
  if (!plan) return notice;
  const to = revisionParam(plan, query.to);
  const from = query.from === undefined ? Math.max(1, to - 1) : Math.min(revisionParam(plan, query.from), to);
  const [before, after] = await Promise.all([revisionText(plan.id, from), revisionText(plan.id, to)]);
  const comparison = compareRevisions(before!, after!);
  const options = plan.revisions.map((r) => (
    <option key={r.number} value={r.number}>
      {r.number}
    </option>
  ));
  return (
    <>
      <PageHeader title={`Revisions: ${plan.latest.title}`} eyebrow={<Link href={planRoute(plan.id)}>Back to the plan</Link>}>
        Every save is a revision; revisions are never changed or deleted.
      </PageHeader>
      <DataTable
        label="Revisions"
        rowHeaders
        headers={["Revision", "Saved", "By", "Source", "Status", "Tasks completed", "Checker"]}
        rows={[...plan.revisions].reverse().map((r) => ({
          key: r.id,
          cells: [
            <Link key="n" href={planRoute(plan.id, r.number)} className="underline">
              {r.number}
            </Link>,
            <Moment key="when" at={r.createdAt} />,
            `${r.actorKind} ${r.actorLabel}`,
            r.source,
            <PlanStatusBadge key="s" status={r.status} />,
            `${r.tasksDone}/${r.tasksTotal}`,
            r.errors + r.warnings === 0 ? "no findings" : `${count(r.errors, "error")}, ${count(r.warnings, "warning")}`,
          ],
        }))}
      />
      <Section id="diff" title={`Compare revision ${from} with revision ${to}`}>
        <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Choose revisions to compare">
          {(
            [
              ["from", "From revision", from],
              ["to", "To revision", to],
            ] as const
          ).map(([name, label, value]) => (
            <span key={name} className="text-sm">
              <label htmlFor={`compare-${name}`}>{label}</label>
              <select id={`compare-${name}`} name={name} defaultValue={value} className={select}>
                {options}
              </select>
            </span>
          ))}
          <button type="submit" className="rounded border border-line px-3 py-1">
            Compare
          </button>
        </form>
        <ul className="mb-3 text-sm" aria-label="History between the revisions">
          {comparison.history.map((h) => (
            <li key={h.name}>
              {h.name}: {h.before} → {h.after} entries ({h.change.added.length} added, {h.change.rewritten.length} edited,{" "}
              {h.change.removed.length} removed)
            </li>
          ))}
        </ul>
        {comparison.rows === null ? (
          <p className="text-muted">
            These revisions differ in too many lines to compare line by line; download both and compare them with a diff tool.
          </p>
        ) : comparison.rows.length === 0 ? (
          <p className="text-muted">{from === to ? "Choose two different revisions." : "The two revisions have the same text."}</p>
        ) : (
          <>
            <p className="mb-2 text-sm">
              {count(comparison.added, "line")} added, {count(comparison.removed, "line")} removed.
            </p>
            <pre
              className="overflow-x-auto rounded border border-line bg-sunken p-2 text-sm"
              tabIndex={0}
              aria-label={`Changes from revision ${from} to revision ${to}`}
            >
              {comparison.rows.map((row, i) =>
                row.kind === "folded" ? (
                  <span key={i} className="block text-muted">
                    ⋯ {count(row.count, "unchanged line")}
                  </span>
                ) : (
                  <span
                    key={i}
                    className={`block ${row.kind === "added" ? "bg-success-soft" : row.kind === "removed" ? "bg-danger-soft line-through" : ""}`}
                  >
                    <span className="mr-2 inline-block w-10 text-right text-muted">{row.after ?? row.before}</span>
                    {row.kind === "added" ? "+ " : row.kind === "removed" ? "- " : "  "}
                    {row.text}
                  </span>
                ),
              )}
            </pre>
          </>
        )}
      </Section>
    </>
  );
}
