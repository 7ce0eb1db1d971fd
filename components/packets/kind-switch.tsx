"use client";

import { useSubmittedValues } from "@/components/ui/form";

const EVIDENCE_KINDS = [
  { kind: "note", label: "Note" },
  { kind: "link", label: "Link" },
  { kind: "file", label: "File" },
] as const;

/**
 * The kind of evidence being added; the form shows the fields of the kind chosen with CSS alone
 * (see .evidence-kinds in globals.css), so it works without scripts. A rejected form keeps the choice.
 */
export function KindSwitch() {
  const chosen = useSubmittedValues().kind ?? "note";
  return (
    <fieldset className="mb-4" key={chosen}>
      <legend className="text-sm font-medium">Kind</legend>
      <div className="mt-1 inline-flex overflow-hidden rounded border border-line">
        {EVIDENCE_KINDS.map(({ kind, label }) => (
          <label
            key={kind}
            className="relative cursor-pointer border-line px-3 py-1 text-sm not-first:border-l has-checked:bg-accent has-checked:text-accent-ink has-focus-visible:outline-2 has-focus-visible:outline-accent"
          >
            <input
              type="radio"
              name="kind"
              value={kind}
              defaultChecked={kind === chosen}
              className="absolute inset-0 cursor-pointer opacity-0"
            />{" "}
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
