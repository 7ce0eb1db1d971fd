import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LibraryUnavailable, resolveLibrary } from "@/components/library/library-access";
import { PatternSections } from "@/components/library/pattern-sections";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getProgram, moduleByNumber } from "@/lib/content";
import { exerciseRoute, moduleRoute } from "@/lib/content/links";
import { entryRoute, libraryRoute, patternHistoryRoute, patternRoute, wikiResolver } from "@/lib/library/links";
import { getPattern, patternData, patternTitles, sectionTexts } from "@/lib/library/patterns";
import { backlinksTo } from "@/lib/library/playbook";
import { categoryLabel, KIND_LABELS, type PlaybookKind } from "@/lib/library/schema";
import { brokenWikiLinks } from "@/lib/library/wiki-links";
import { formatTimestamp } from "@/lib/log/format";
import { archivePatternAction } from "../actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ learner?: string; saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Pattern ${(await params).slug}` };
}

export default async function PatternPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const access = await resolveLibrary(query.learner);
  if (access.kind !== "ok") {
    return (
      <>
        <PageHeader title="Pattern" />
        <LibraryUnavailable access={access} what="this pattern" />
      </>
    );
  }
  const { owner, view } = access;
  const row = await getPattern(owner.learnerId, slug);
  if (!row) notFound();
  const data = patternData(row);
  const [titles, backlinks] = await Promise.all([patternTitles(owner.learnerId), backlinksTo(owner.learnerId, slug)]);
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
          Version {row.version}, saved {formatTimestamp(row.updatedAt)}
          {mod && program ? (
            <>
              {" · from "}
              <Link
                href={exercise ? exerciseRoute(program.slug, mod.slug, exercise.slug) : moduleRoute(program.slug, mod.slug)}
                className="underline"
              >
                {exercise
                  ? `Exercise ${mod.meta.number}.${exercise.meta.number}: ${exercise.meta.title}`
                  : `Module ${mod.meta.number}: ${mod.meta.title}`}
              </Link>
            </>
          ) : null}
        </p>
      </PageHeader>
      {query.saved ? (
        <p role="status" className="mb-4 rounded border border-success bg-success-soft p-3 text-sm print:hidden">
          Saved as version {query.saved}.
        </p>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        {owner.canEdit ? (
          <Link href={`${patternRoute(slug)}/edit`} className="rounded bg-accent px-3 py-1.5 font-medium text-accent-ink">
            Edit
          </Link>
        ) : null}
        <Link href={patternHistoryRoute(slug, view)} className="rounded border border-line px-3 py-1.5">
          History ({row.version} {row.version === 1 ? "version" : "versions"})
        </Link>
        {owner.canEdit ? (
          <ActionForm
            action={archivePatternAction}
            label={data.archived ? "Restore pattern" : "Archive pattern"}
            className="flex items-center gap-2"
          >
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="archived" value={data.archived ? "false" : "true"} />
            <SubmitButton tone="plain">{data.archived ? "Restore" : "Archive"}</SubmitButton>
          </ActionForm>
        ) : null}
      </div>
      {broken.length > 0 ? (
        <p className="mb-4 rounded border border-danger bg-danger-soft p-3 text-sm">
          Broken links: {broken.map((b) => `[[${b}]]`).join(", ")} {broken.length === 1 ? "names" : "name"} no pattern.
        </p>
      ) : null}
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
