// The library's export form: the zip or the one playbook file, in a link style (GitHub and
// CommonMark, or Obsidian), with or without the checklist ticks. A plain GET form: the download
// routes read the choice from the query.
import { libraryZipRoute, type LibraryView, playbookFileRoute } from "@/lib/library/links";

const STYLES = [
  { value: "commonmark", label: "GitHub and CommonMark", hint: "links as [Title](../category/slug.md)" },
  { value: "obsidian", label: "Obsidian", hint: "links as [[slug]], files named by slug" },
] as const;

export function ExportForm({ view, own }: { view: LibraryView; own: boolean }) {
  return (
    <form method="get" action={libraryZipRoute()} aria-label="Export" className="mb-4 rounded border border-line p-3 text-sm print:hidden">
      {view.learner ? <input type="hidden" name="learner" value={view.learner} /> : null}
      <fieldset className="mb-2 flex flex-wrap gap-x-4 gap-y-1">
        <legend className="mb-1 font-medium">Export links for</legend>
        {STYLES.map((style) => (
          <label key={style.value} className="flex items-baseline gap-1.5">
            <input type="radio" name="links" value={style.value} defaultChecked={style.value === "commonmark"} />
            <span>
              {style.label} <span className="text-muted">({style.hint})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="mb-3 flex items-baseline gap-1.5">
        <input type="checkbox" name="ticks" value="1" />
        <span>{own ? "With my ticks" : "With the learner’s ticks"} (checked boxes in checklists)</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="rounded border border-line px-3 py-1.5">
          Download the library (zip)
        </button>
        <button type="submit" formAction={playbookFileRoute()} className="rounded border border-line px-3 py-1.5">
          Download the playbook (one Markdown file)
        </button>
      </div>
    </form>
  );
}
