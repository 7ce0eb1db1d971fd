import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { EntryBody } from "@/components/library/entry-body";
import { openLibrary } from "@/components/library/library-access";
import { BrokenLinksNotice, ItemToolbar } from "@/components/library/item-toolbar";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { entryHistoryRoute, entryRoute, patternRoute, playbookRoute, wikiResolver } from "@/lib/library/links";
import { patternTitles } from "@/lib/library/patterns";
import { entrySavedBy, getEntry, ticksFor } from "@/lib/library/playbook";
import { KIND_LABELS, type PlaybookKind } from "@/lib/library/schema";
import { checklistKeys, parseChecklist } from "@/lib/library/structure";
import { findWikiLinks } from "@/lib/library/wiki-links";
import { Moment } from "@/components/ui/moment";
import { archiveEntryAction, clearTicksAction, tickAction } from "../actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ learner?: string; saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Playbook: ${(await params).slug}` };
}

export default async function EntryPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { opened, notice } = await openLibrary({
    header: <PageHeader title="Playbook entry" />,
    what: "this entry",
    learner: query.learner,
  });
  if (!opened) return notice;
  const { owner, view } = opened;
  const row = await getEntry(owner.learnerId, slug);
  if (!row) notFound();
  const kind = row.kind as PlaybookKind;
  const [titles, ticks, savedBy] = await Promise.all([patternTitles(owner.learnerId), ticksFor([row.id]), entrySavedBy(row)]);
  const links = findWikiLinks(row.body);
  const broken = links.filter((l) => !Object.hasOwn(titles, l));
  const ticked = ticks.get(row.id) ?? new Set<string>();
  const items = kind === "checklist" ? checklistKeys(parseChecklist(row.body)) : [];
  return (
    <>
      <PageHeader
        title={row.title}
        eyebrow={<Link href={playbookRoute(view)}>{owner.canEdit ? "Playbook" : `Playbook of ${owner.learnerName}`}</Link>}
      >
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone="accent">{KIND_LABELS[kind]}</Badge>
          {row.archived ? <Badge tone="warning">Archived</Badge> : null}
          <span className="text-sm">
            Version {row.version}, saved <Moment at={row.updatedAt} /> by {savedBy.actorKind} {savedBy.actorLabel}
          </span>
        </p>
      </PageHeader>
      <ItemToolbar
        slug={slug}
        what="entry"
        version={row.version}
        archived={row.archived}
        saved={query.saved}
        editHref={owner.canEdit ? `${entryRoute(slug)}/edit` : null}
        historyHref={entryHistoryRoute(slug, view)}
        archiveAction={owner.canEdit ? archiveEntryAction : null}
      >
        {owner.canEdit && kind === "checklist" && ticked.size > 0 ? (
          <ActionForm action={clearTicksAction} label="Clear ticks">
            <input type="hidden" name="slug" value={slug} />
            <SubmitButton tone="plain">Clear all ticks</SubmitButton>
          </ActionForm>
        ) : null}
      </ItemToolbar>
      <BrokenLinksNotice slugs={broken} />
      {kind === "checklist" ? (
        <p className="mb-2 text-sm text-muted" aria-live="polite">
          {items.filter((k) => ticked.has(k)).length} of {items.length} ticked
        </p>
      ) : null}
      <article className="card p-4">
        <EntryBody
          kind={kind}
          body={row.body}
          wikiLinks={wikiResolver(titles, view)}
          ticks={{ slug, ticked, action: owner.canEdit ? tickAction : undefined }}
        />
      </article>
      {links.length > broken.length ? (
        <p className="mt-4 text-sm">
          Links to:{" "}
          {links
            .filter((l) => !broken.includes(l))
            .map((l, i) => (
              <span key={l}>
                {i > 0 ? ", " : ""}
                <Link href={patternRoute(l, view)} className="underline">
                  {titles[l]}
                </Link>
              </span>
            ))}
        </p>
      ) : null}
    </>
  );
}
