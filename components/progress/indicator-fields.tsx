"use client";

import { useId, useRef } from "react";
import { indicatorSaveAction } from "@/app/actions";
import { useAutosave } from "@/components/ui/autosave";
import { SubmitButton, useFormResult } from "@/components/ui/form";
import type { IndicatorKind } from "@/lib/progress/indicators";

type Mark = { checked: boolean; note: string };

/**
 * One indicator's tick and note inside its form: the tick is saved as soon as it changes and the
 * note when the field is left, each with the other's current value; a refused tick goes back and
 * the note keeps what was typed. Without scripts, the form's Save button sends both.
 */
export function IndicatorFields({ kind, item, saved }: { kind: IndicatorKind; item: string; saved: Mark }) {
  const submitted = useFormResult();
  // Without scripts, a refused submission comes back as the form's state: show what was sent.
  const start = submitted.values ? { checked: submitted.values.checked === "on", note: submitted.values.note ?? "" } : saved;
  const { shown, error, pending, change } = useAutosave(start, (next: Mark) => indicatorSaveAction({ kind, item, ...next }));
  const note = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const id = useId();
  const problem = error ?? submitted.fieldErrors?.note ?? null;
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="item" value={item} />
      <label className="flex items-start gap-2">
        <input
          ref={box}
          type="checkbox"
          name="checked"
          className="mt-1 size-4 shrink-0"
          checked={shown.checked}
          onChange={(event) => change({ checked: event.target.checked, note: note.current?.value.trim() ?? shown.note })}
        />
        <span>{item}</span>
      </label>
      <label htmlFor={`${id}-note`} className="mt-2 block text-sm font-medium">
        Note: what shows it
      </label>
      <textarea
        ref={note}
        id={`${id}-note`}
        name="note"
        rows={2}
        defaultValue={start.note}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onBlur={(event) => {
          // Leaving the note for its own tick: the tick's save carries the note.
          if (event.relatedTarget === box.current) return;
          const typed = event.currentTarget.value.trim();
          if (typed !== shown.note) change({ checked: shown.checked, note: typed });
        }}
        className={`mt-1 w-full rounded border bg-surface px-3 py-2 text-sm ${problem ? "border-danger" : "border-line"}`}
      />
      <p id={`${id}-problem`} role={error ? "alert" : undefined} className="empty:hidden mt-1 text-sm text-danger">
        {problem}
      </p>
      <p role="status" className="empty:hidden mt-1 text-xs text-muted">
        {pending ? "Saving…" : null}
      </p>
      <noscript>
        <div className="mt-2">
          <SubmitButton tone="plain">Save</SubmitButton>
        </div>
      </noscript>
    </>
  );
}
