import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { NoContent } from "@/components/content/no-content";
import { EntryBody } from "@/components/library/entry-body";
import { ExportForm } from "@/components/library/export-form";
import { LearnerPicker } from "@/components/progress/learner-picker";
import { LibraryUnavailable, resolveLibrary } from "@/components/library/library-access";
import { PrintButton } from "@/components/library/print-button";
import { BrokenLinksReport } from "@/components/library/broken-links-report";
import { PlaybookContents } from "@/components/library/playbook-contents";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { getProgram, type Program } from "@/lib/content";
import { currentProgram } from "@/lib/content/current";
import { programPlaybookRoute } from "@/lib/content/links";
import { entryRoute, type LibraryView, playbookRoute, wikiResolver } from "@/lib/library/links";
import { ENTRIES_PER_PAGE, playbookPage } from "@/lib/library/playbook-pages";
import type { EntryRow } from "@/lib/library/playbook";
import { KIND_LABELS, PLAYBOOK_KINDS, type PlaybookKind } from "@/lib/library/schema";
import { readableLearners } from "@/lib/auth/access";
import { parsePage } from "@/lib/pagination";
import { tickAction } from "./actions";
import { count, itemsShown } from "@/lib/ui/plural";

export const metadata: Metadata = { title: "Playbook" };

/** Where the program's starter playbook and what each module adds live: a page of their own. */
function FromTheProgram({ program }: { program: Program }) {
  return (
    <p className="mt-8 text-sm print:hidden">
      <Link href={programPlaybookRoute(program.slug)} className="font-medium underline">
        From the program
      </Link>
      : {program.meta.title}&apos;s starter index, scenarios and checklists, and what each module adds to your playbook.
    </p>
  );
}

function Entries({
  entries,
  titles,
  ticks,
  view,
  canEdit,
}: {
  entries: EntryRow[];
  titles: Record<string, string>;
  ticks: Map<string, Set<string>>;
  view: LibraryView;
  canEdit: boolean;
}) {
  const wikiLinks = wikiResolver(titles, view);
  return (
    <div className="space-y-4">
      {entries.map((e) => (
        <article key={e.id} aria-labelledby={`entry-${e.slug}`} className="playbook-entry card p-4">
          <h3 id={`entry-${e.slug}`} className="text-lg font-semibold">
            <Link href={entryRoute(e.slug, view)} className="hover:underline">
              {e.title}
            </Link>{" "}
            <Badge>{KIND_LABELS[e.kind as PlaybookKind]}</Badge>
          </h3>
          <div className="mt-2">
            <EntryBody
              kind={e.kind as PlaybookKind}
              body={e.body}
              wikiLinks={wikiLinks}
              ticks={{ slug: e.slug, ticked: ticks.get(e.id) ?? new Set(), action: canEdit ? tickAction : undefined }}
            />
          </div>
        </article>
      ))}
    </div>
  );
}

type Query = { learner?: string; page?: string; all?: string; broken?: string; archived?: string };

/** How many archived entries the page names before a link to all of them. */
const ARCHIVED_FIRST_FEW = 20;

export default async function PlaybookPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const [access, cookieProgram] = await Promise.all([resolveLibrary(query.learner), currentProgram()]);
  const program = access.kind === "ok" ? getProgram(access.owner.programSlug) : cookieProgram;
  if (!program) return <NoContent />;
  const header = (
    <PageHeader title="Playbook">Your quick reference: an index, scenarios and checklists, cross-linked to your patterns.</PageHeader>
  );
  if (access.kind !== "ok") {
    return (
      <>
        {header}
        <LibraryUnavailable access={access} what="your playbook" />
        <FromTheProgram program={program} />
      </>
    );
  }
  const { owner, view, signedIn } = access;
  const all = query.all === "1";
  const [shown, learners] = await Promise.all([
    playbookPage(owner.learnerId, { page: parsePage(query.page), all }),
    readableLearners(signedIn),
  ]);
  const { paging, contents, parts } = shown;
  const allArchived = all || query.archived === "all";
  const paged = !all && shown.pages > 1;
  const pageParams = (page: number): Record<string, string> => (page > 1 ? { page: String(page) } : {});
  const pageHref = (page: number) => playbookRoute(view, pageParams(page));
  const printView = playbookRoute(view, { all: "1" });
  const partHref = (part: (typeof parts)[number]) => `${all ? printView : pageHref(part.startPage)}#${part.part.name}`;
  return (
    <>
      {header}
      {learners.length > 1 ? (
        <LearnerPicker
          learners={learners.map(({ id, name }) => ({ id, name }))}
          selected={owner.learnerId}
          action="/playbook"
          label="Library of"
        />
      ) : null}
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        {owner.canEdit
          ? PLAYBOOK_KINDS.map((kind) => (
              <Link key={kind} href={`/playbook/new?kind=${kind}`} className="rounded border border-line px-3 py-1.5">
                New {KIND_LABELS[kind].toLowerCase()}
              </Link>
            ))
          : null}
        {paged ? (
          <Link href={printView} className="rounded border border-line px-3 py-1.5">
            Print view (all {count(contents.length, "entry", "entries")})
          </Link>
        ) : (
          <PrintButton />
        )}
        {all && shown.pages > 1 ? (
          <Link href={playbookRoute(view)} className="rounded border border-line px-3 py-1.5">
            Back to pages
          </Link>
        ) : null}
      </div>
      <ExportForm view={view} own={owner.canEdit} />
      <nav aria-label="Playbook parts" className="mb-2 text-sm print:hidden">
        <a href="#contents" className="underline">
          Contents
        </a>
        {parts.map((p) => (
          <span key={p.part.name}>
            {" · "}
            <a href={partHref(p)} className="underline">
              {p.part.title}
            </a>{" "}
            <span className="text-muted">({p.total})</span>
          </span>
        ))}
      </nav>
      <Section id="contents" title="Contents">
        <PlaybookContents
          entries={contents}
          patterns={shown.patterns}
          view={view}
          guide={shown.guide ? { parts: shown.guide, href: pageHref, printView } : null}
          full={all}
        />
      </Section>
      {paged ? (
        <>
          {paging.outOfRange ? null : (
            <>
              <p className="mt-8 text-sm text-muted">
                {itemsShown(paging.from + 1, paging.to, contents.length, "entry", "entries")}; a page holds up to {ENTRIES_PER_PAGE}, fewer
                when they are long.
              </p>
              <p className="hidden print:block">
                This printout holds page {paging.page} of {paging.pages}; the print view ({printView}) holds the whole playbook.
              </p>
            </>
          )}
          <Pagination paging={paging} href={pageHref} label="Playbook pages" />
        </>
      ) : null}
      {paging.outOfRange ? <PageOutOfRange paging={paging} href={pageHref} what="the playbook" /> : null}
      {parts
        .filter((p) => p.shown)
        .map((p) => (
          <Section key={p.part.name} id={p.part.name} title={p.part.title}>
            {p.entries.length < p.total ? (
              <p className="mb-3 text-sm text-muted">{itemsShown(p.first + 1, p.first + p.entries.length, p.total)}</p>
            ) : null}
            {p.total === 0 ? (
              <p className="text-muted">{p.part.empty}</p>
            ) : (
              <Entries entries={p.entries} titles={shown.titles} ticks={shown.ticks} view={view} canEdit={owner.canEdit} />
            )}
          </Section>
        ))}
      {paged ? <Pagination paging={paging} href={pageHref} label="Playbook pages, at the end" /> : null}
      <BrokenLinksReport
        report={shown.broken}
        view={view}
        full={all || query.broken === "all"}
        showAllHref={`${playbookRoute(view, { ...pageParams(paging.page), broken: "all" })}#broken-links`}
      />
      {shown.archived.length > 0 ? (
        <div className="print:hidden">
          <Section id="archived" title="Archived">
            <ul className="list-disc pl-5">
              {(allArchived ? shown.archived : shown.archived.slice(0, ARCHIVED_FIRST_FEW)).map((e) => (
                <li key={e.id}>
                  <Link href={entryRoute(e.slug, view)} className="underline">
                    {e.title}
                  </Link>{" "}
                  <span className="text-sm text-muted">({KIND_LABELS[e.kind as PlaybookKind]})</span>
                </li>
              ))}
            </ul>
            {!allArchived && shown.archived.length > ARCHIVED_FIRST_FEW ? (
              <p className="mt-2">
                <Link href={`${playbookRoute(view, { ...pageParams(paging.page), archived: "all" })}#archived`} className="underline">
                  Show all {shown.archived.length} archived
                </Link>
              </p>
            ) : null}
          </Section>
        </div>
      ) : null}
      <FromTheProgram program={program} />
    </>
  );
}
