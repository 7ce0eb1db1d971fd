"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";
import { ActionForm, Field, SubmitButton, useFormResult, useSubmittedValues } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";
import type { PassThreshold } from "@/lib/rubric/dimensions";
import { RubricInput } from "./rubric-input";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  packetId: string;
  evidenceSeen: string[];
  threshold: PassThreshold;
  /** The learner's self-scores, shown above the rubric. */
  selfScores: ReactNode;
};

const VERDICTS = [
  { value: "accept", label: "Approve", hint: "The packet is completed; the learner moves on." },
  { value: "reject", label: "Request changes", hint: "The packet goes back to the learner with your feedback." },
] as const;

/**
 * A reviewer's verdict, made on purpose: Enter in a field never submits, the reviewer picks
 * Approve or Request changes, and "Submit review" first shows what will be recorded (learner,
 * module, average, verdict) for a second, final confirmation. Ctrl/⌘+Enter submits from any field.
 */
export function VerdictForm({ action, packetId, evidenceSeen, threshold, selfScores }: Props) {
  return (
    <ActionForm action={action} label="Verdict" className="card p-4">
      <VerdictFields packetId={packetId} evidenceSeen={evidenceSeen} threshold={threshold} selfScores={selfScores} />
    </ActionForm>
  );
}

function VerdictFields({ packetId, evidenceSeen, threshold, selfScores }: Omit<Props, "action">) {
  const state = useFormResult();
  const values = useSubmittedValues();
  const submit = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const open = dialog.current;
    if (!state.confirm || !open) return;
    // Rendered open for a browser without scripts; with them, shown as a modal that holds focus.
    if (open.open) open.close();
    open.showModal();
  }, [state]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Enter") return;
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit.current?.form?.requestSubmit(submit.current);
    } else if (target instanceof HTMLInputElement) {
      // A text field or radio would otherwise submit the form: a verdict is never implicit.
      event.preventDefault();
    }
  }

  return (
    <div onKeyDown={onKeyDown}>
      <input type="hidden" name="packetId" value={packetId} />
      {evidenceSeen.map((id) => (
        <input key={id} type="hidden" name="evidenceSeen" value={id} />
      ))}
      {selfScores}
      <RubricInput threshold={threshold} withRemarks />
      <Field
        name="feedback"
        label="Feedback"
        multiline
        rows={5}
        hint="Needed to request changes: name each thing to change as a list item (- …), or pin a comment to the evidence. The learner gets the list as a checklist."
      />
      <fieldset className="mb-4 rounded border border-line p-3" aria-describedby={state.fieldErrors?.verdict ? "verdict-error" : undefined}>
        <legend className="px-1 font-medium">Verdict</legend>
        {VERDICTS.map((v) => (
          <div key={v.value} className="flex items-start gap-2 py-1">
            <input
              type="radio"
              id={`verdict-${v.value}`}
              name="verdict"
              value={v.value}
              defaultChecked={values.verdict === v.value}
              key={values.verdict}
              aria-describedby={`verdict-${v.value}-hint`}
              className="mt-1"
            />
            <span>
              <label htmlFor={`verdict-${v.value}`} className="font-medium">
                {v.label}
              </label>
              <span id={`verdict-${v.value}-hint`} className="block text-sm text-muted">
                {v.hint}
              </span>
            </span>
          </div>
        ))}
        {state.fieldErrors?.verdict ? (
          <p id="verdict-error" className="mt-1 text-sm text-danger" aria-live="polite">
            {state.fieldErrors.verdict}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton ref={submit}>Submit review</SubmitButton>
        <span className="text-sm text-muted">
          or <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd>; you confirm before it is final.
        </span>
      </div>
      {state.confirm ? (
        <dialog
          ref={dialog}
          open
          aria-labelledby="confirm-verdict-title"
          className="m-auto max-w-lg card p-5 text-ink backdrop:bg-black/40"
        >
          <h2 id="confirm-verdict-title" className="text-lg font-bold">
            Submit this review?
          </h2>
          <p className="mt-2">{state.confirm}</p>
          <p className="mt-1 text-sm text-muted">A verdict is final; a rescore can correct the scores later, not the verdict.</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <SubmitButton name="confirmed" value="yes">
              Submit review
            </SubmitButton>
            <button type="button" className="rounded border border-line px-4 py-2" onClick={() => dialog.current?.close()}>
              Keep editing
            </button>
          </div>
        </dialog>
      ) : null}
    </div>
  );
}
