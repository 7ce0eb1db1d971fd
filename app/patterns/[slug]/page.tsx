import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { openLibrary } from "@/components/library/library-access";
import { PatternSections } from "@/components/library/pattern-sections";
import { BrokenLinksNotice, ItemToolbar } from "@/components/library/item-toolbar";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { exerciseLabel, getProgram, moduleByNumber, moduleLabel } from "@/lib/content";
import { exerciseRoute, moduleRoute } from "@/lib/content/links";
import { entryRoute, libraryRoute, patternHistoryRoute, patternRoute, wikiResolver } from "@/lib/library/links";
import { getPattern, patternData, patternSavedBy, patternTitles, sectionTexts } from "@/lib/library/patterns";
import { backlinksTo } from "@/lib/library/playbook";
import { categoryLabel, KIND_LABELS, type PlaybookKind } from "@/lib/library/schema";
import { brokenWikiLinks } from "@/lib/library/wiki-links";
import { Moment } from "@/components/ui/moment";
import { archivePatternAction } from "../actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ learner?: string; saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Pattern ${(await params).slug}` };
}

export default async function PatternPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { opened, notice } = await openLibrary({ header: <PageHeader title="Pattern" />, what: "this pattern", learner: query.learner });
  if (!opened) return notice;
  const { owner, view } = opened;
  const row = await getPattern(owner.learnerId, slug);
  if (!row) notFound();
  const data = patternData(row);
  const [titles, backlinks, savedBy] = await Promise.all([
    patternTitles(owner.learnerId),
    backlinksTo(owner.learnerId, slug),
    patternSavedBy(row),
  ]);
  const broken = brokenWikiLinks(sectionTexts(data), new Set(Object.keys(titles)));
  const program = getProgram(owner.programSlug);
  const mod = program && data.sourceModule !== null ? moduleByNumber(program, data.sourceModule) : null;
  const exercise = mod && data.sourceExercise ? mod.exercises.find((e) => e.slug === data.sourceExercise) : null;
  return (
    <>
      <PageHeader
        title={data.title}
        eyebrow={<Link href={libraryRoute(view)}>{owner.canEdit ? "Pattern library" : `Pattern library of ${owner.learnerName}`}</Link>}
      >
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone="accent">{categoryLabel(data.category)}</Badge>
          {data.tags.map((tag) => (
            <Link key={tag} href={libraryRoute(view, { tag })}>
              <Badge>#{tag}</Badge>
            </Link>
          ))}
          {data.archived ? <Badge tone="warning">Archived</Badge> : null}
        </p>
        <p className="mt-2 text-sm">
          Version {row.version}, saved <Moment at={row.updatedAt} /> by {savedBy.actorKind} {savedBy.actorLabel}
          {mod && program ? (
            <>
              {" · from "}
              <Link
                href={exercise ? exerciseRoute(program.slug, mod.slug, exercise.slug) : moduleRoute(program.slug, mod.slug)}
                className="underline"
              >
                {exercise ? exerciseLabel(mod, exercise) : moduleLabel(mod)}
              </Link>
            </>
          ) : null}
        </p>
      </PageHeader>
      <ItemToolbar
        slug={slug}
        what="pattern"
        version={row.version}
        archived={data.archived}
        saved={query.saved}
        editHref={owner.canEdit ? `${patternRoute(slug)}/edit` : null}
        historyHref={patternHistoryRoute(slug, view)}
        archiveAction={owner.canEdit ? archivePatternAction : null}
      />
      <BrokenLinksNotice slugs={broken} />
      <article>
        <PatternSections data={data} wikiLinks={wikiResolver(titles, view)} />
      </article>
      <Section id="backlinks" title="Linked from">
        {backlinks.entries.length + backlinks.patterns.length === 0 ? (
          <p className="text-muted">Nothing links here yet. Link this pattern from a playbook entry or another pattern with [[{slug}]].</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {backlinks.entries.map((e) => (
              <li key={e.id}>
                <Link href={entryRoute(e.slug, view)} className="underline">
                  {e.title}
                </Link>{" "}
                <span className="text-sm text-muted">({KIND_LABELS[e.kind as PlaybookKind]})</span>
              </li>
            ))}
            {backlinks.patterns.map((p) => (
              <li key={p.id}>
                <Link href={patternRoute(p.slug, view)} className="underline">
                  {p.title}
                </Link>{" "}
                <span className="text-sm text-muted">(pattern)</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
