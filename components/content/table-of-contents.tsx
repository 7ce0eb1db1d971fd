import type { TocEntry } from "@/lib/content/toc";

function Entries({ entries }: { entries: TocEntry[] }) {
  return (
    <ol className="toc mt-2 space-y-1 border-l border-line">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.depth === 3 ? "pl-6" : "pl-3"}>
          <a href={`#${entry.id}`}>{entry.text}</a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The page's sections: a disclosure to open on narrow screens; on wide ones an always-open list
 * (its column keeps it in view, see the module page).
 */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav aria-label="On this page" className="text-sm">
      <details className="card p-3 lg:hidden">
        <summary className="cursor-pointer font-semibold">On this page</summary>
        <Entries entries={entries} />
      </details>
      <div className="hidden lg:block">
        <p className="font-semibold">On this page</p>
        <Entries entries={entries} />
      </div>
    </nav>
  );
}
