// A bar of links between the pages of a long list (first, last and nearby pages, previous and
// next), and what a page past the end says instead of its list.
import { Link } from "@/components/ui/link";
import { type Paging, pageWindow } from "@/lib/pagination";

const cell = "inline-flex min-h-9 min-w-9 items-center justify-center rounded border px-3 py-1.5";

export function Pagination({ paging, href, label }: { paging: Paging; href: (page: number) => string; label: string }) {
  const { page, pages } = paging;
  if (pages <= 1 && !paging.outOfRange) return null;
  return (
    <nav aria-label={label} className="my-4 flex flex-wrap items-center gap-2 text-sm print:hidden">
      <span className="mr-1 text-muted">
        {paging.outOfRange ? `${pages} ${pages === 1 ? "page" : "pages"}` : `Page ${page} of ${pages}`}
      </span>
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} className={`${cell} border-line`} rel="prev">
          Previous
        </Link>
      ) : null}
      <ol className="flex flex-wrap items-center gap-1">
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-label={`Page ${p}`}
                aria-current={p === page ? "page" : undefined}
                className={`${cell} ${p === page ? "border-accent bg-accent-soft font-semibold" : "border-line"}`}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ol>
      {page < pages ? (
        <Link href={href(page + 1)} className={`${cell} border-line`} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}

/** Said in place of a list when `?page=` asks for a page past its end. */
export function PageOutOfRange({ paging, href, what }: { paging: Paging; href: (page: number) => string; what: string }) {
  return (
    <p className="rounded-lg border border-warning bg-warning-soft p-4">
      There is no page {paging.page}: {what} {paging.pages === 1 ? "fits on one page" : `fills ${paging.pages} pages`}.{" "}
      <Link href={href(paging.pages)} className="underline">
        Go to {paging.pages === 1 ? "it" : `page ${paging.pages}, the last`}
      </Link>
      .
    </p>
  );
}
