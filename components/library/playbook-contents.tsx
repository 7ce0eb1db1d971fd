// The playbook's contents: every active entry by part, each title opening the entry's own page; on
// a playbook of several pages, a guide to the pages instead (each part's pages with their first and
// last titles, and the print view for every title). Then the learner's patterns by category (the
// first few of each with a link to the rest, or all of them).
import { Link } from "@/components/ui/link";
import { entryRoute, libraryRoute, type LibraryView, patternRoute } from "@/lib/library/links";
import { categoryOrder, PLAYBOOK_PARTS } from "@/lib/library/markdown-format";
import type { PatternHead } from "@/lib/library/patterns";
import type { EntryHead } from "@/lib/library/playbook";
import type { pageGuide } from "@/lib/library/playbook-pages";
import { categoryLabel, KIND_LABELS, type PlaybookKind } from "@/lib/library/schema";
import { count } from "@/lib/ui/plural";

const PATTERNS_PER_CATEGORY = 8;

type Props = {
  entries: EntryHead[];
  patterns: PatternHead[];
  view: LibraryView;
  /** On a playbook of several pages: the guide to them, shown instead of every title. */
  guide: { parts: ReturnType<typeof pageGuide>; href: (page: number) => string; printView: string } | null;
  /** List every pattern, not the first few of each category. */
  full: boolean;
};

function PageGuide({ guide, entries }: { guide: NonNullable<Props["guide"]>; entries: number }) {
  return (
    <div className="mb-4">
      {guide.parts.map(({ part, total, pages }) => (
        <div key={part.name} className="mb-3">
          <h3 className="mb-1 font-semibold">
            {part.title} <span className="text-sm font-normal text-muted">({total})</span>
          </h3>
          {pages.length === 0 ? (
            <p className="text-sm text-muted">{part.empty}</p>
          ) : (
            <ul className="space-y-0.5 text-sm [overflow-wrap:anywhere]" aria-label={`${part.title} pages`}>
              {pages.map(({ page, first, last }) => (
                <li key={page}>
                  <a href={`${guide.href(page)}#entry-${first.slug}`} className="underline">
                    Page {page}
                  </a>
                  : {first.title}
                  {last.slug === first.slug ? null : <> … {last.title}</>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <p className="text-sm print:hidden">
        <a href={guide.printView} className="underline">
          Every title
        </a>{" "}
        ({count(entries, "entry", "entries")}) is in the print view.
      </p>
    </div>
  );
}

export function PlaybookContents({ entries, patterns, view, guide, full }: Props) {
  const shown = full ? Infinity : PATTERNS_PER_CATEGORY;
  const byCategory = categoryOrder(patterns.map((p) => p.category))
    .map((category) => ({ category, items: patterns.filter((p) => p.category === category) }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      {guide ? (
        <PageGuide guide={guide} entries={entries.length} />
      ) : (
        <div className="mb-4">
          {PLAYBOOK_PARTS.map((part) => {
            const items = entries.filter((e) => (part.kinds as readonly string[]).includes(e.kind));
            return (
              <div key={part.name} className="mb-4">
                <h3 className="mb-1 font-semibold">
                  {part.title} <span className="text-sm font-normal text-muted">({items.length})</span>
                </h3>
                {items.length === 0 ? (
                  <p className="text-sm text-muted">{part.empty}</p>
                ) : (
                  <ul
                    className="list-disc pl-5 text-sm sm:columns-2 lg:columns-3 [&_a]:underline [&>li]:break-inside-avoid"
                    aria-label={`${part.title} entries`}
                  >
                    {items.map((e) => (
                      <li key={e.slug}>
                        <a href={entryRoute(e.slug, view)}>{e.title}</a>
                        {part.kinds.length > 1 ? ` (${KIND_LABELS[e.kind as PlaybookKind].toLowerCase()})` : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
      {byCategory.length > 0 ? (
        <div className="mt-6">
          <h3 className="mb-2 font-semibold">Patterns by category</h3>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {byCategory.map((g) => (
              <div key={g.category}>
                <h4 className="font-medium">
                  {categoryLabel(g.category)} <span className="text-sm font-normal text-muted">({g.items.length})</span>
                </h4>
                <ul className="list-disc pl-5 text-sm">
                  {g.items.slice(0, shown).map((p) => (
                    <li key={p.slug}>
                      <Link href={patternRoute(p.slug, view)} className="underline">
                        {p.title}
                      </Link>
                    </li>
                  ))}
                </ul>
                {g.items.length > shown ? (
                  <p className="mt-1 text-sm print:hidden">
                    <Link href={libraryRoute(view, { category: g.category, sort: "title" })} className="underline">
                      All {count(g.items.length, "pattern")} in {categoryLabel(g.category)}
                    </Link>
                  </p>
                ) : null}
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </>
  );
}
