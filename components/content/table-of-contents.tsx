import type { TocEntry } from "@/lib/content/toc";

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav aria-label="On this page" className="text-sm">
      <details open className="group lg:open">
        <summary className="cursor-pointer font-semibold lg:cursor-default">On this page</summary>
        <ol className="mt-2 space-y-1 border-l border-line">
          {entries.map((entry) => (
            <li key={entry.id} className={entry.depth === 3 ? "pl-6" : "pl-3"}>
              <a href={`#${entry.id}`} className="text-muted hover:text-ink hover:underline">
                {entry.text}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
