// The entries and patterns whose wiki-links name no pattern: how many, then the first few with a
// link to the whole list, or the whole list.
import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import type { BrokenLinks } from "@/lib/library/broken-links";
import { entryRoute, type LibraryView, patternRoute } from "@/lib/library/links";

const FIRST_FEW = 20;

type Props = { report: BrokenLinks[]; view: LibraryView; full: boolean; showAllHref: string };

export function BrokenLinksReport({ report, view, full, showAllHref }: Props) {
  if (report.length === 0) return null;
  const entries = report.filter((b) => b.kind === "playbook").length;
  const shown = full ? report : report.slice(0, FIRST_FEW);
  return (
    <Section id="broken-links" title="Broken links">
      <p className="mb-2 text-sm text-muted">
        {entries} {entries === 1 ? "entry" : "entries"} and {report.length - entries}{" "}
        {report.length - entries === 1 ? "pattern" : "patterns"} link to slugs that name no pattern.
      </p>
      <ul className="list-disc space-y-1 pl-5" aria-label="Broken links">
        {shown.map((b) => (
          <li key={`${b.kind}:${b.slug}`}>
            <Link href={b.kind === "pattern" ? patternRoute(b.slug, view) : entryRoute(b.slug, view)} className="underline">
              {b.title}
            </Link>{" "}
            links to {b.broken.map((s) => `[[${s}]]`).join(", ")}, which {b.broken.length === 1 ? "names" : "name"} no pattern.
          </li>
        ))}
      </ul>
      {shown.length < report.length ? (
        <p className="mt-2 print:hidden">
          <Link href={showAllHref} className="underline">
            Show all {report.length}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
