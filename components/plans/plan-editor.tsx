"use client";

import { type ChangeEvent, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { Markdown } from "@/components/markdown/markdown";
import { FieldError, SubmitButton, useSubmittedValues } from "@/components/ui/form";
import { FindingsList } from "./findings-list";
import { checkPlan } from "@/lib/execplans/check";
import { MAX_IMPORT_BYTES } from "@/lib/execplans/limits";

type Props = {
  planId: string;
  baseRevision: number;
  initialText: string;
  terms: string[];
  /** 1-based line to select when the editor opens (from a finding's link). */
  focusLine?: number;
};

/** Start and end offsets of a 1-based line in `text`. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end < 0 ? text.length : end];
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

function selectLine(node: HTMLTextAreaElement, line: number) {
  const [start, end] = lineRange(node.value, line);
  node.focus();
  node.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(node).lineHeight) || 20;
  node.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/**
 * The Markdown editor of a plan: the text, a live preview and the checker's findings as you
 * type (against the revision being edited, so history rules apply), each finding jumping to
 * its line. Lives inside the save form.
 */
export function PlanEditor({ planId, baseRevision, initialText, terms, focusLine }: Props) {
  const submitted = useSubmittedValues().body;
  const [text, setText] = useState(submitted ?? initialText);
  const [restored, setRestored] = useState(submitted);
  const [cursorLine, setCursorLine] = useState(focusLine ?? 1);
  const [fileError, setFileError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const deferred = useDeferredValue(text);
  const result = useMemo(() => checkPlan(deferred, { previous: initialText, terms }), [deferred, initialText, terms]);

  // A refused save returns the submitted text: keep it in the editor whatever the form reset did.
  if (submitted !== undefined && submitted !== restored) {
    setRestored(submitted);
    setText(submitted);
  }

  useEffect(() => {
    if (focusLine && area.current) selectLine(area.current, focusLine);
  }, [focusLine]);

  function goToLine(line: number) {
    if (!area.current) return;
    selectLine(area.current, line);
    setCursorLine(line);
  }

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setFileError("Files are limited to 512 KB.");
    setFileError(null);
    setText(await file.text());
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="baseRevision" value={baseRevision} />
        <label htmlFor="plan-body" className="block text-sm font-medium">
          Plan (Markdown)
        </label>
        <p id="plan-body-hint" className="text-xs text-muted">
          Saving creates revision {baseRevision + 1}. Keep every Decision Log entry and revision note; add a note for this revision at the
          bottom.
        </p>
        <textarea
          id="plan-body"
          ref={area}
          name="body"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSelect={(e) => setCursorLine(lineAt(e.currentTarget.value, e.currentTarget.selectionStart))}
          aria-describedby="plan-body-hint plan-body-cursor"
          spellCheck
          rows={30}
          className="mt-1 h-[70vh] w-full rounded border border-line bg-surface px-3 py-2 font-mono text-sm leading-5"
        />
        <FieldError name="body" />
        <p id="plan-body-cursor" className="mt-1 text-xs text-muted">
          Line {cursorLine} of {text.split("\n").length}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <SubmitButton>Save revision</SubmitButton>
          <label className="text-sm">
            <span className="mr-2">Replace the text with a file</span>
            <input
              type="file"
              accept=".md,.markdown,.txt,text/markdown,text/plain"
              onChange={(e) => void loadFile(e)}
              className="text-sm"
            />
          </label>
          {fileError ? (
            <p className="text-sm text-danger" aria-live="polite">
              {fileError}
            </p>
          ) : null}
        </div>
      </div>
      <div className="space-y-4">
        <section aria-labelledby="live-findings" className="card p-3">
          <h2 id="live-findings" className="mb-2 font-semibold">
            Checker, as you type
          </h2>
          <p className="mb-2 text-sm">
            Tasks: {result.progress.done}/{result.progress.total} completed ({result.progress.percent}%).
          </p>
          <div className="max-h-80 overflow-y-auto" tabIndex={0} role="region" aria-label="Findings as you type">
            <FindingsList
              result={result}
              label="Findings as you type"
              lineControl={(line) => (
                <button type="button" onClick={() => goToLine(line)} className="font-mono underline">
                  Line {line}
                </button>
              )}
            />
          </div>
        </section>
        <section aria-labelledby="preview" className="card p-3">
          <h2 id="preview" className="mb-2 font-semibold">
            Preview
          </h2>
          <div className="max-h-[70vh] overflow-y-auto" tabIndex={0} role="region" aria-label="Preview of the plan">
            <Markdown source={deferred} />
          </div>
        </section>
      </div>
    </div>
  );
}
