import { Link } from "@/components/ui/link";

type Target = { href: string; label: string } | null;

export function Pager({ previous, next, label }: { previous: Target; next: Target; label: string }) {
  return (
    <nav aria-label={label} className="mt-10 flex flex-wrap justify-between gap-3 border-t border-line pt-4">
      {previous ? (
        <Link href={previous.href} rel="prev" className="rounded border border-line px-3 py-2 hover:bg-sunken">
          ← {previous.label}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={next.href} rel="next" className="rounded border border-line px-3 py-2 hover:bg-sunken">
          {next.label} →
        </Link>
      ) : null}
    </nav>
  );
}
