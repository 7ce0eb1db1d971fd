"use client";

import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { wikiResolver } from "@/lib/library/links";
import { PATTERN_SECTIONS, type PlaybookKind, PLAYBOOK_KINDS, type SectionKey } from "@/lib/library/schema";
import { EntryBody } from "./entry-body";
import { PatternSections } from "./pattern-sections";

/** Renders what the surrounding form will save, as it is typed: a pattern's parts or an entry's body. */
export function LivePreview({ mode, titles }: { mode: "pattern" | "entry"; titles: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const shown = useDeferredValue(values);
  const wikiLinks = useMemo(() => wikiResolver(titles), [titles]);

  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const read = () =>
      setValues(
        Object.fromEntries([...new FormData(form).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string")),
      );
    read();
    form.addEventListener("input", read);
    form.addEventListener("change", read);
    return () => {
      form.removeEventListener("input", read);
      form.removeEventListener("change", read);
    };
  }, []);

  const kind = (PLAYBOOK_KINDS as readonly string[]).includes(shown.kind ?? "") ? (shown.kind as PlaybookKind) : "scenario";
  const empty = mode === "pattern" ? PATTERN_SECTIONS.every((s) => !shown[s.key]?.trim()) : !shown.body?.trim();
  return (
    <div ref={ref} className="card p-4" aria-label="Preview" role="region">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Preview</p>
      {shown.title ? <p className="mt-2 text-xl font-bold">{shown.title}</p> : null}
      {empty ? (
        <p className="mt-2 text-muted">Start writing; the preview shows the Markdown as it will look.</p>
      ) : mode === "pattern" ? (
        <PatternSections
          data={Object.fromEntries(PATTERN_SECTIONS.map((s) => [s.key, shown[s.key] ?? ""])) as Record<SectionKey, string>}
          wikiLinks={wikiLinks}
          level={3}
        />
      ) : (
        <div className="mt-2">
          <EntryBody kind={kind} body={shown.body ?? ""} wikiLinks={wikiLinks} />
        </div>
      )}
    </div>
  );
}
