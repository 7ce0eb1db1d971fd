import type { TocEntry } from "@/lib/content/toc";
import { OpenWhenWide } from "./open-when-wide";

/**
 * The page's sections, listed once: a disclosure to open on narrow screens; on wide ones an open
 * list, its summary hidden, that its column keeps in view (the module page).
 */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav aria-label="On this page" className="text-sm">
      <OpenWhenWide className="toc-panel card p-3 lg:border-0 lg:bg-transparent lg:p-0">
        <summary className="cursor-pointer font-semibold lg:hidden">On this page</summary>
        <p aria-hidden="true" className="hidden font-semibold lg:block">
          On this page
        </p>
        <ol className="toc mt-2 space-y-1 border-l border-line">
          {entries.map((entry, i) => (
            <li key={i} className={entry.depth === 3 ? "pl-6" : "pl-3"}>
              <a href={`#${entry.id}`}>{entry.text}</a>
            </li>
          ))}
        </ol>
      </OpenWhenWide>
    </nav>
  );
}
