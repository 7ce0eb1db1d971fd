import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { NoContent } from "@/components/content/no-content";
import { ExportForm } from "@/components/library/export-form";
import { LearnerPicker } from "@/components/progress/learner-picker";
import { LibraryUnavailable, resolveLibrary } from "@/components/library/library-access";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { getProgram, type Program } from "@/lib/content";
import { currentProgram } from "@/lib/content/current";
import { programPatternsRoute } from "@/lib/content/links";
import { flatText, snippetAround } from "@/lib/content/search";
import { libraryRoute, type LibraryView, patternRoute } from "@/lib/library/links";
import {
  type LibraryQuery,
  LibraryQuerySchema,
  libraryOverview,
  listPatterns,
  knownCategories,
  PATTERNS_PER_PAGE,
  SORTS,
} from "@/lib/library/patterns";
import { categoryLabel, TagsSchema } from "@/lib/library/schema";
import { readableLearners } from "@/lib/auth/access";
import { span } from "@/lib/ui/plural";
import { Moment } from "@/components/ui/moment";
import { addCategoryAction } from "./actions";

export const metadata: Metadata = { title: "Patterns" };

type Query = Record<string, string | undefined>;

/** Where the modules' suggested patterns are listed: the program's own page (programPatternsRoute). */
function Suggestions({ program }: { program: Program }) {
  const count = program.modules.reduce((n, mod) => n + mod.meta.patterns.length, 0);
  return (
    <Section id="suggested" title="Suggested by the modules">
      <p className="text-muted">
        Each module names patterns to extract in its Pattern phase:{" "}
        <Link href={programPatternsRoute(program.slug)} className="underline">
          {count} patterns from {program.meta.title}
        </Link>
        .
      </p>
    </Section>
  );
}

function Filters({
  query,
  categories,
  tags,
  view,
}: {
  query: LibraryQuery;
  categories: string[];
  tags: [string, number][];
  view: LibraryView;
}) {
  const select = "ml-2 rounded border border-line bg-surface px-2 py-1";
  return (
    <form role="search" aria-label="Filter the library" className="mb-4 flex flex-wrap items-end gap-3 card p-3">
      {view.learner ? <input type="hidden" name="learner" value={view.learner} /> : null}
      <label className="text-sm">
        Search
        <input type="search" name="q" defaultValue={query.q} className="ml-2 rounded border border-line bg-canvas px-2 py-1" />
      </label>
      <label className="text-sm">
        Category
        <select name="category" defaultValue={query.category ?? ""} className={select}>
          <option value="">All</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Tag
        <select name="tag" defaultValue={query.tag ?? ""} className={select}>
          <option value="">All</option>
          {tags.map(([tag, n]) => (
            <option key={tag} value={tag}>
              {tag} ({n})
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Sort
        <select name="sort" defaultValue={query.sort ?? ""} className={select}>
          <option value="">{query.q ? "Best match" : SORTS.updated}</option>
          {Object.entries(SORTS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="archived" value="1" defaultChecked={query.archived === "1"} /> Archived only
      </label>
      <button type="submit" className="rounded border border-line px-3 py-1">
        Apply
      </button>
    </form>
  );
}

export default async function PatternsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const raw = await searchParams;
  const [access, cookieProgram] = await Promise.all([resolveLibrary(raw.learner), currentProgram()]);
  const program = access.kind === "ok" ? getProgram(access.owner.programSlug) : cookieProgram;
  if (!program) return <NoContent />;
  const target = program.meta.successMetrics.patterns;
  if (access.kind !== "ok") {
    return (
      <>
        <PageHeader title="Pattern library">Target: {target}+ documented patterns, organised by category.</PageHeader>
        <LibraryUnavailable access={access} what="your pattern library" />
        <Suggestions program={program} />
      </>
    );
  }
  const { owner, view, signedIn } = access;
  const query = LibraryQuerySchema.parse(raw);
  const [overview, list, categories, learners] = await Promise.all([
    libraryOverview(owner.learnerId),
    listPatterns(owner.learnerId, query, PATTERNS_PER_PAGE.page),
    knownCategories(owner.learnerId),
    readableLearners(signedIn),
  ]);
  const { paging } = list;
  const pageLink = (page: number) =>
    libraryRoute(
      view,
      Object.fromEntries(
        Object.entries({ ...raw, page: page > 1 ? String(page) : undefined, learner: undefined }).filter(
          (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
        ),
      ),
    );
  const filtered = query.q !== "" || query.category || query.tag || query.archived;
  return (
    <>
      <PageHeader title="Pattern library">
        {owner.canEdit ? "Your" : `${owner.learnerName}’s`} patterns: {overview.total} of {target}+ documented
        {overview.archived > 0 ? ` (${overview.archived} archived)` : ""}.
      </PageHeader>
      {learners.length > 1 ? (
        <LearnerPicker
          learners={learners.map(({ id, name }) => ({ id, name }))}
          selected={owner.learnerId}
          action="/patterns"
          label="Library of"
        />
      ) : null}
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        {owner.canEdit ? (
          <>
            <Link href="/patterns/new" className="rounded bg-accent px-3 py-1.5 font-medium text-accent-ink">
              New pattern
            </Link>
            <Link href="/patterns/import" className="rounded border border-line px-3 py-1.5">
              Import
            </Link>
          </>
        ) : null}
      </div>
      <ExportForm view={view} own={owner.canEdit} />
      <section aria-labelledby="targets-title" className="mb-6">
        <h2 id="targets-title" className="sr-only">
          Patterns per category
        </h2>
        <p className="mb-2">
          <progress
            value={Math.min(overview.total, target)}
            max={target}
            className="w-full max-w-md align-middle"
            aria-label={`${overview.total} of ${target} patterns`}
          />{" "}
          <span className="text-sm text-muted">{overview.total >= target ? "Target reached" : `${target - overview.total} to go`}</span>
        </p>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label="Patterns per category">
          {categories.map((c) => (
            <li key={c}>
              <Link
                href={libraryRoute(view, { category: c })}
                className={`block rounded-lg border p-2 hover:bg-sunken ${query.category === c ? "border-accent" : "border-line"} bg-surface`}
              >
                <span className="block text-sm text-muted">{categoryLabel(c)}</span>
                <span className="text-lg font-semibold">{overview.counts.get(c) ?? 0}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <Filters query={query} categories={categories} tags={overview.tags} view={view} />
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {paging.total} {paging.total === 1 ? "pattern" : "patterns"}
        {filtered ? " match" : ""}
        {paging.pages > 1 && !paging.outOfRange ? ` · ${span(paging.from + 1, paging.to)} on page ${paging.page} of ${paging.pages}` : ""}
      </p>
      <Pagination paging={paging} href={pageLink} label="Library pages" />
      {paging.outOfRange ? (
        <PageOutOfRange paging={paging} href={pageLink} what={filtered ? "this list" : "the library"} />
      ) : list.items.length === 0 ? (
        <p className="card p-4 text-muted">
          {filtered
            ? "No pattern matches these filters."
            : "No patterns yet. Extract one from a module's Pattern phase, or start a new one."}
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Patterns">
          {list.items.map((p) => (
            <li key={p.id} className="card p-3">
              <Link href={patternRoute(p.slug, view)} className="font-semibold hover:underline">
                {p.title}
              </Link>
              <p className="mt-1 flex flex-wrap gap-1">
                <Badge tone="accent">{categoryLabel(p.category)}</Badge>
                {TagsSchema.parse(p.tags).map((tag) => (
                  <Badge key={tag}>#{tag}</Badge>
                ))}
              </p>
              <p className="mt-1 line-clamp-2 text-sm">{snippetAround(flatText(p.whenToUse), [], 160)}</p>
              <p className="mt-1 text-xs text-muted">
                Version {p.version} · by {p.versions[0]?.actorKind} {p.versions[0]?.actorLabel} · <Moment at={p.updatedAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination paging={paging} href={pageLink} label="Library pages, at the end" />
      {owner.canEdit ? (
        <Section id="categories" title="Categories">
          <p className="mb-2 text-muted">The program’s five categories, plus any you add for patterns that fit none of them.</p>
          <ActionForm action={addCategoryAction} label="Add a category" className="max-w-md">
            <Field name="slug" label="New category" hint="Lowercase letters, digits and dashes, e.g. security." required />
            <SubmitButton tone="plain">Add category</SubmitButton>
          </ActionForm>
        </Section>
      ) : null}
      <Suggestions program={program} />
    </>
  );
}
