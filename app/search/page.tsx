import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { searchEverything } from "@/lib/library/search";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const q = ((await searchParams).q ?? "").slice(0, 200);
  const results = await searchEverything((await currentUser())?.learnerId, q);
  return (
    <>
      <PageHeader title="Search" />
      <form role="search" className="mb-6 flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search modules, exercises and your library
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          className="min-w-0 flex-1 rounded border border-line bg-surface px-3 py-2"
        />
        <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-accent-ink">
          Search
        </button>
      </form>
      {q !== "" ? (
        <p className="mb-3 text-muted" aria-live="polite">
          {results.length} result{results.length === 1 ? "" : "s"} for “{q}”
        </p>
      ) : null}
      <ol className="space-y-3">
        {results.map((hit) => (
          <li key={hit.id} className="card p-3">
            <Link href={hit.url} className="font-medium hover:underline">
              {hit.title}
            </Link>
            <p className="text-xs text-muted">
              {hit.kind} · {hit.context}
            </p>
            <p className="mt-1 text-sm">{hit.snippet}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
