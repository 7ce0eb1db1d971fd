"use client";

import { createContext, type ReactNode, type Ref, useActionState, useContext, useEffect, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { useRouter } from "next/navigation";
import { FORM_KEY } from "@/lib/form-keys";
import type { FormState } from "@/lib/forms";
import { fileLimitMessage } from "@/lib/security/file-size";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const FormContext = createContext<FormState>({});

/** Sent on every form's submission: the notice of the form before it gives way to the next action's. */
const SENT_EVENT = "mastery:form-sent";

/** True while a form's file is being uploaded with progress (the submit button then shows it is busy). */
const UploadingContext = createContext(false);

/**
 * A form bound to a server action, showing its message and field errors where they belong. With
 * `upload`, a form whose file input holds a file is sent to that address by XMLHttpRequest, with a
 * progress bar; the address answers the same form state as the action. Without scripts, or with no
 * file chosen, the form posts to the action as usual.
 */
export function ActionForm({
  action,
  children,
  className,
  label,
  encType,
  upload,
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  label?: string;
  encType?: "multipart/form-data";
  upload?: string;
}) {
  const [actionState, formAction, pending] = useActionState(action, {});
  const [uploaded, setUploaded] = useState<{ after: FormState; state: FormState } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const router = useRouter();
  // An upload's answer counts until the action answers again.
  const state = uploaded && uploaded.after === actionState ? uploaded.state : actionState;
  const [dismissed, setDismissed] = useState<FormState | null>(null);
  const shown = useRef(state);
  useEffect(() => {
    shown.current = state;
  }, [state]);
  useEffect(() => {
    const dismiss = () => setDismissed(shown.current);
    window.addEventListener(SENT_EVENT, dismiss);
    return () => window.removeEventListener(SENT_EVENT, dismiss);
  }, []);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    window.dispatchEvent(new Event(SENT_EVENT));
    const form = event.currentTarget;
    const hasFile = [...form.querySelectorAll<HTMLInputElement>('input[type="file"]')].some((input) => (input.files?.length ?? 0) > 0);
    if (!upload || !hasFile) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", upload);
    request.responseType = "json";
    request.upload.onprogress = (e) => setProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : 0);
    const finish = (answer: FormState) => {
      setProgress(null);
      setUploaded({ after: actionState, state: answer });
      if (answer.done) {
        form.reset();
        router.refresh();
      }
    };
    request.onload = () => finish((request.response as FormState | null) ?? { message: "The upload was not saved. Try again." });
    request.onerror = () => finish({ message: "The upload did not reach the server. Check the connection and try again." });
    request.send(new FormData(form));
  };
  return (
    <FormContext.Provider value={state}>
      <UploadingContext.Provider value={progress !== null}>
        <form
          action={formAction}
          onSubmit={onSubmit}
          className={className}
          aria-label={label}
          aria-busy={pending || progress !== null}
          encType={encType}
        >
          <FormKeyField state={state} />
          {state.message ? (
            <p role="alert" className="mb-3 rounded border border-danger bg-danger-soft p-3 text-sm">
              {state.message}
            </p>
          ) : null}
          <p role="status" className="empty:hidden mb-3 text-sm font-medium text-success">
            {state.done && dismissed !== state ? `✓ ${state.done}` : null}
          </p>
          {children}
          {progress !== null ? (
            <label className="mt-3 block text-sm">
              Uploading… {progress}%
              <progress className="ml-2 align-middle" max={100} value={progress} />
            </label>
          ) : null}
        </form>
      </UploadingContext.Provider>
    </FormContext.Provider>
  );
}

/**
 * The hidden field with a random key for this rendering of a form, new after every answer: the
 * server runs a submission with a key once, so a double click stores one version. It is filled
 * in the browser (a server-rendered key would be the same for every page load); without scripts
 * it stays empty and the server takes each submission as new.
 */
function FormKeyField({ state }: { state: FormState }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    if (field.current) field.current.value = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }, [state]);
  return <input ref={field} type="hidden" name={FORM_KEY} defaultValue="" />;
}

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  defaultValue?: string;
  autoComplete?: string;
  /** The id of a datalist whose options the input suggests. */
  list?: string;
  /** For a file input: the largest file the server takes; a larger one is refused before sending, in the server's words. */
  maxBytes?: number;
  children?: ReactNode;
};

/** A labelled input whose error is tied to it with aria-describedby. */
export function Field({
  name,
  label,
  type = "text",
  hint,
  required,
  multiline,
  rows = 4,
  defaultValue,
  autoComplete,
  list,
  maxBytes,
  children,
}: FieldProps) {
  const state = useContext(FormContext);
  const id = useId();
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const error = tooLarge ?? state.fieldErrors?.[name];
  const value = state.values?.[name] ?? defaultValue;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: `mt-1 w-full rounded border bg-surface px-3 py-2 ${error ? "border-danger" : "border-line"}`,
  } as const;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {children ? (
        <select {...common} defaultValue={value} key={value}>
          {children}
        </select>
      ) : multiline ? (
        <textarea {...common} rows={rows} defaultValue={value} key={value} />
      ) : (
        <input
          {...common}
          type={type}
          defaultValue={type === "file" ? undefined : value}
          key={value}
          autoComplete={autoComplete}
          list={list}
          onChange={
            maxBytes === undefined
              ? undefined
              : (event) => {
                  // The browser then refuses to submit the form, and the field says why.
                  const size = event.currentTarget.files?.[0]?.size ?? 0;
                  const message = size > maxBytes ? fileLimitMessage(maxBytes) : null;
                  event.currentTarget.setCustomValidity(message ?? "");
                  setTooLarge(message);
                }
          }
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger" aria-live="polite">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The whole result of the form's last submission, for parts that show more than a message. */
export function useFormResult(): FormState {
  return useContext(FormContext);
}

/** The values of the last submission, to restore inputs a form reset would clear. */
export function useSubmittedValues(): Record<string, string> {
  return useContext(FormContext).values ?? {};
}

export function FieldError({ name }: { name: string }) {
  const state = useContext(FormContext);
  const error = state.fieldErrors?.[name];
  return error ? (
    <p className="mt-1 text-sm text-danger" aria-live="polite">
      {error}
    </p>
  ) : null;
}

type SubmitButtonProps = {
  children: ReactNode;
  tone?: "primary" | "danger" | "plain";
  /** The label while the form is being sent. */
  pendingLabel?: string;
  name?: string;
  value?: string;
  ref?: Ref<HTMLButtonElement>;
};

/** A form's submit button: disabled, with "Saving…", while the form is being sent. */
export function SubmitButton({ children, tone = "primary", pendingLabel = "Saving…", name, value, ref }: SubmitButtonProps) {
  const { pending: sending } = useFormStatus();
  const uploading = useContext(UploadingContext);
  const pending = sending || uploading;
  const styles = {
    primary: "bg-accent text-accent-ink",
    danger: "bg-danger text-canvas",
    plain: "border border-line",
  };
  return (
    <button
      ref={ref}
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 font-medium disabled:cursor-wait disabled:opacity-70 ${styles[tone]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
