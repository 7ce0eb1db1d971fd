import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Pager } from "@/components/content/pager";
import { Moment } from "@/components/ui/moment";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { getProgram } from "@/lib/content";
import { readableLearners } from "@/lib/auth/access";
import { logFilterFor } from "@/lib/log/access";
import { formatLogEntry } from "@/lib/log/format";
import { countLogEntries, LOG_PAGE_SIZE, logCursor, logPage, windowFromQuery } from "@/lib/log/pages";
import type { LogFilter } from "@/lib/log/service";
import { STATUSES } from "@/lib/packets/transitions";
import { itemsShown } from "@/lib/ui/plural";
import { notFoundIfForbidden } from "../refusal";
import { appendNoteAction } from "./actions";

export const metadata: Metadata = { title: "Plan log" };

type Query = { learner?: string; module?: string; status?: string; after?: string; before?: string };

const filterParams = (filter: LogFilter) => ({
  learner: filter.learnerId,
  ...(filter.moduleNumber ? { module: String(filter.moduleNumber) } : {}),
  ...(filter.status ? { status: filter.status } : {}),
});

/** A page of the log with the same filters, after or before an entry, or the newest page. */
const pageHref = (filter: LogFilter, position: { after: string } | { before: string } | null) =>
  `/log?${new URLSearchParams({ ...filterParams(filter), ...position })}`;

export default async function LogPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const header = (
    <PageHeader title="Plan log">
      Every change of a packet&apos;s state, appended in the plan&apos;s log format with its UTC timestamps (your own clock&apos;s time is
      under each entry). Entries are never edited.
    </PageHeader>
  );
  const signedIn = await currentUser();
  if (!signedIn) {
    return (
      <>
        {header}
        <p className="card p-4">
          <Link href="/signin" className="underline">
            Sign in
          </Link>{" "}
          to read the plan log.
        </p>
      </>
    );
  }
  const filter = await logFilterFor(signedIn, query).catch((error: unknown) => {
    notFoundIfForbidden(error);
    return null;
  });
  if (!filter) {
    return (
      <>
        {header}
        <p className="card p-4 text-muted">The plan log has no entries yet.</p>
      </>
    );
  }
  const { window, problem } = windowFromQuery(query, LOG_PAGE_SIZE, "newest");
  const [page, total, learners] = await Promise.all([logPage(filter, window), countLogEntries(filter), readableLearners(signedIn)]);
  const entries = [...page.entries].reverse();
  const newest = entries[0];
  const newer = newest && page.later ? await countLogEntries(filter, { at: newest.createdAt, id: newest.id }) : 0;
  const ownProfile = filter.learnerId === signedIn.learnerId ? learners.find((l) => l.id === filter.learnerId) : undefined;
  const ownModules = ownProfile ? (getProgram(ownProfile.programSlug)?.modules ?? []) : [];
  const download = new URLSearchParams(filterParams(filter));
  return (
    <>
      {header}
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the log">
        {learners.length > 1 ? (
          <label className="flex min-w-0 max-w-full items-center gap-2 text-sm">
            Learner
            <select
              name="learner"
              defaultValue={filter.learnerId}
              className="min-w-0 max-w-full rounded border border-line bg-surface px-2 py-1"
            >
              {learners.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="text-sm">
          Module
          <select name="module" defaultValue={filter.moduleNumber ?? ""} className="ml-2 rounded border border-line bg-surface px-2 py-1">
            <option value="">All</option>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {String(n).padStart(2, "0")}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Status
          <select name="status" defaultValue={filter.status ?? ""} className="ml-2 rounded border border-line bg-surface px-2 py-1">
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-line px-3 py-1">
          Filter
        </button>
        <a href={`/log/download?${download}`} className="rounded bg-accent px-3 py-1 text-accent-ink">
          Download as text
        </a>
      </form>
      {ownModules.length > 0 ? (
        <details className="mb-4 card p-3">
          <summary className="cursor-pointer font-medium">Add a note to the log</summary>
          <ActionForm action={appendNoteAction} label="Add a note to the log" className="mt-3 max-w-xl">
            <p className="mb-3 text-sm text-muted">
              A progress snapshot in the plan&apos;s format; it keeps the module&apos;s status as it is.
            </p>
            <Field name="moduleNumber" label="Module" defaultValue={String(filter.moduleNumber ?? ownModules[0]!.meta.number)}>
              {ownModules.map((m) => (
                <option key={m.meta.number} value={m.meta.number}>
                  {m.meta.number}. {m.meta.title}
                </option>
              ))}
            </Field>
            <Field name="summary" label="Summary: what changed" />
            <Field name="evidence" label="Evidence (artifact paths, optional)" />
            <Field name="risks" label="Risks (optional)" />
            <Field name="next" label="Next action (optional)" />
            <SubmitButton tone="plain">Add to the log</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
      {problem ? (
        <p role="alert" className="mb-4 rounded border border-danger bg-danger-soft p-3">
          {problem} Showing the newest entries instead.
        </p>
      ) : null}
      {total === 0 ? (
        <p className="card p-4 text-muted">The plan log has no entries yet.</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-muted">
            {entries.length > 0
              ? `${itemsShown(newer + 1, newer + entries.length, total, "entry", "entries")}, newest first.`
              : `No entries on this page; the log has ${total.toLocaleString("en")}.`}
            {page.later || entries.length === 0 ? (
              <>
                {" "}
                <Link href={pageHref(filter, null)} className="underline">
                  Newest entries
                </Link>
              </>
            ) : null}
          </p>
          <ol className="space-y-2" aria-label={`Plan log of ${filter.learnerName}`}>
            {entries.map((e) => (
              <li key={e.id} className="card p-3 font-mono text-sm">
                {/* The entry as the log's text has it, line by line: one text, not an element per line. */}
                <p className="whitespace-pre-wrap first-line:font-semibold">{formatLogEntry(e)}</p>
                <p className="text-xs text-muted">
                  by {e.actorLabel} · <Moment at={e.createdAt} />
                </p>
              </li>
            ))}
          </ol>
          <Pager
            label="Plan log pages"
            previous={page.later && newest ? { href: pageHref(filter, { after: logCursor(newest) }), label: "Newer entries" } : null}
            next={
              page.earlier && entries.length > 0
                ? { href: pageHref(filter, { before: logCursor(entries.at(-1)!) }), label: "Older entries" }
                : null
            }
          />
        </>
      )}
    </>
  );
}
