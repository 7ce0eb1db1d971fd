import path from "node:path";
import type { Metadata } from "next";
import Link from "next/link";
import { NoContent } from "@/components/content/no-content";
import { EntryBody } from "@/components/library/entry-body";
import { LearnerSwitch, LibraryUnavailable, resolveLibrary } from "@/components/library/library-access";
import { PrintButton } from "@/components/library/print-button";
import { Markdown } from "@/components/markdown/markdown";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getProgram, type Program } from "@/lib/content";
import { currentProgram } from "@/lib/content/current";
import { moduleRoute, resolveContentHref } from "@/lib/content/links";
import { entryRoute, libraryZipRoute, type LibraryView, patternRoute, playbookFileRoute, wikiResolver } from "@/lib/library/links";
import { categoryOrder, partOf, PLAYBOOK_PARTS } from "@/lib/library/markdown-format";
import { activePatternHeads, patternTitles } from "@/lib/library/patterns";
import { brokenLinksReport, type EntryRow, listEntries, ticksFor } from "@/lib/library/playbook";
import { categoryLabel, KIND_LABELS, PLAYBOOK_KINDS, type PlaybookKind } from "@/lib/library/schema";
import { readableLearners } from "@/lib/log/access";
import { tickAction } from "./actions";

export const metadata: Metadata = { title: "Playbook" };

function FromTheProgram({ program }: { program: Program }) {
  const additions = program.modules.flatMap((mod) => mod.meta.playbook.map((entry) => ({ mod, entry })));
  const starters = PLAYBOOK_PARTS.filter((part) => program.playbook[part.name]);
  return (
    <div className="print:hidden">
      <Section id="from-the-program" title="From the program">
        {starters.map((part) => (
          <details key={part.name} className="mb-3 rounded-lg border border-line bg-surface p-3">
            <summary className="cursor-pointer font-medium">Starter {part.title.toLowerCase()} from the program</summary>
            <Markdown
              source={program.playbook[part.name]!}
              resolveHref={(href) => resolveContentHref(program, path.join(program.dir, "playbook", `${part.name}.md`), href)}
            />
          </details>
        ))}
        <h3 className="mb-2 mt-4 font-semibold">What each module adds</h3>
        {PLAYBOOK_KINDS.map((kind) => {
          const items = additions.filter((a) => a.entry.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind} className="mb-5">
              <h4 className="mb-2 font-medium">{KIND_LABELS[kind]}</h4>
              <ul className="grid gap-3 md:grid-cols-2">
                {items.map(({ mod, entry }) => (
                  <li key={`${mod.slug}-${entry.title}`} className="rounded-lg border border-line bg-surface p-3">
                    <strong>{entry.title}</strong>
                    <p className="mt-1 text-sm">{entry.summary}</p>
                    <p className="mt-1 text-xs text-muted">
                      <Link href={`${moduleRoute(program.slug, mod.slug)}#document-phase`} className="underline">
                        Module {mod.meta.number}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </Section>
    </div>
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
        <article key={e.id} aria-labelledby={`entry-${e.slug}`} className="playbook-entry rounded-lg border border-line bg-surface p-4">
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

export default async function PlaybookPage({ searchParams }: { searchParams: Promise<{ learner?: string }> }) {
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
  const [entries, archived, titles, broken, learners, patterns] = await Promise.all([
    listEntries(owner.learnerId),
    listEntries(owner.learnerId, true),
    patternTitles(owner.learnerId),
    brokenLinksReport(owner.learnerId),
    readableLearners(signedIn),
    activePatternHeads(owner.learnerId),
  ]);
  const ticks = await ticksFor(entries.filter((e) => e.kind === "checklist").map((e) => e.id));
  const byCategory = categoryOrder(patterns.map((p) => p.category))
    .map((category) => ({ category, items: patterns.filter((p) => p.category === category) }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      {header}
      <LearnerSwitch learners={learners} current={owner.learnerId} path="/playbook" />
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        {owner.canEdit
          ? PLAYBOOK_KINDS.map((kind) => (
              <Link key={kind} href={`/playbook/new?kind=${kind}`} className="rounded border border-line px-3 py-1.5">
                New {KIND_LABELS[kind].toLowerCase()}
              </Link>
            ))
          : null}
        <PrintButton />
        <a href={playbookFileRoute(view)} className="rounded border border-line px-3 py-1.5">
          Download the playbook (one Markdown file)
        </a>
        <a href={libraryZipRoute(view)} className="rounded border border-line px-3 py-1.5">
          Download the library (zip)
        </a>
      </div>
      <nav aria-label="Playbook parts" className="mb-2 text-sm print:hidden">
        {PLAYBOOK_PARTS.map((part, i) => (
          <span key={part.name}>
            {i > 0 ? " · " : ""}
            <a href={`#${part.name}`} className="underline">
              {part.title}
            </a>
          </span>
        ))}
      </nav>
      {PLAYBOOK_PARTS.map((part) => {
        const items = entries.filter((e) => partOf(e.kind as PlaybookKind) === part);
        return (
          <Section key={part.name} id={part.name} title={part.title}>
            {items.length === 0 ? (
              <p className="text-muted">{part.empty}</p>
            ) : (
              <Entries entries={items} titles={titles} ticks={ticks} view={view} canEdit={owner.canEdit} />
            )}
            {part.name === "index" && byCategory.length > 0 ? (
              <div className="mt-6">
                <h3 className="mb-2 text-lg font-semibold">Patterns by category</h3>
                <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  {byCategory.map((g) => (
                    <div key={g.category}>
                      <h4 className="font-medium">{categoryLabel(g.category)}</h4>
                      <ul className="list-disc pl-5 text-sm">
                        {g.items.map((p) => (
                          <li key={p.slug}>
                            <Link href={patternRoute(p.slug, view)} className="underline">
                              {p.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              </div>
            ) : null}
          </Section>
        );
      })}
      {broken.length > 0 ? (
        <Section id="broken-links" title="Broken links">
          <ul className="list-disc space-y-1 pl-5" aria-label="Broken links">
            {broken.map((b) => (
              <li key={`${b.kind}:${b.slug}`}>
                <Link href={b.kind === "pattern" ? patternRoute(b.slug, view) : entryRoute(b.slug, view)} className="underline">
                  {b.title}
                </Link>{" "}
                links to {b.broken.map((s) => `[[${s}]]`).join(", ")}, which {b.broken.length === 1 ? "names" : "name"} no pattern.
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {archived.length > 0 ? (
        <div className="print:hidden">
          <Section id="archived" title="Archived">
            <ul className="list-disc pl-5">
              {archived.map((e) => (
                <li key={e.id}>
                  <Link href={entryRoute(e.slug, view)} className="underline">
                    {e.title}
                  </Link>{" "}
                  <span className="text-sm text-muted">({KIND_LABELS[e.kind as PlaybookKind]})</span>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      ) : null}
      <FromTheProgram program={program} />
    </>
  );
}
