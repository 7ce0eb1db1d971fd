import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { openLibrary } from "@/components/library/library-access";
import { PatternFields } from "@/components/library/pattern-fields";
import { ActionForm } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { getProgram, moduleByNumber } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { libraryRoute } from "@/lib/library/links";
import { knownCategories, patternTitles } from "@/lib/library/patterns";
import { createPatternAction } from "../actions";

export const metadata: Metadata = { title: "New pattern" };

type Query = { module?: string; suggestion?: string };

export default async function NewPatternPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const header = <PageHeader title="New pattern" eyebrow={<Link href={libraryRoute()}>Pattern library</Link>} />;
  const { opened, notice } = await openLibrary({
    header,
    what: "your pattern library",
    ownOnly: "Patterns belong to a learner profile; you have none.",
  });
  if (!opened) return notice;
  const { owner } = opened;
  const program = getProgram(owner.programSlug);
  const mod = program && query.module ? moduleByNumber(program, Number(query.module)) : null;
  const suggestion = mod?.meta.patterns[Number(query.suggestion)];
  const [categories, titles] = await Promise.all([knownCategories(owner.learnerId), patternTitles(owner.learnerId)]);
  const defaults = {
    title: suggestion?.name,
    category: suggestion && categories.includes(suggestion.category) ? suggestion.category : undefined,
    problem: suggestion?.summary,
    sourceModule: mod?.meta.number ?? null,
  };
  return (
    <>
      {header}
      {mod && program ? (
        <aside aria-labelledby="prompts" className="mb-6 rounded-lg border border-accent bg-accent-soft p-4">
          <h2 id="prompts" className="font-semibold">
            Prompts from{" "}
            <Link href={`${moduleRoute(program.slug, mod.slug)}#pattern-phase`} className="underline">
              Module {mod.meta.number}: {mod.meta.title}
            </Link>
          </h2>
          <p className="text-sm">
            The module suggests extracting these patterns from your practice. Pick one to start from it, or write your own.
          </p>
          <ul className="mt-2 space-y-2">
            {mod.meta.patterns.map((p, i) => (
              <li key={p.name}>
                <Link
                  href={`/patterns/new?module=${mod.meta.number}&suggestion=${i}`}
                  className="font-medium underline"
                  aria-current={suggestion === p ? "true" : undefined}
                >
                  {p.name}
                </Link>{" "}
                <span className="text-sm">
                  ({p.category}) — {p.summary}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      <ActionForm action={createPatternAction} label="New pattern">
        <PatternFields program={program} categories={categories} defaults={defaults} titles={titles} submitLabel="Save pattern" />
      </ActionForm>
    </>
  );
}
