// Server actions report expected failures as state for the form (a message, one error per
// field, and the values the person typed, so nothing is lost); anything else is a bug.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { Role } from "./auth/people";
import { currentUser, requireUser, type SignedIn } from "./auth/session";
import { AppError } from "./errors";
import { FORM_KEY } from "./form-keys";
import { type StoredAnswer, submitOnce } from "./form-submissions";
import { DIMENSIONS } from "./rubric/rubric";

/** The form key, 32 hex digits made in the browser. */
const FormKeySchema = z.string().regex(/^[0-9a-f]{32}$/);

export type FormState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  done?: string;
  /** A summary the person confirms before the action is final; nothing was written yet. */
  confirm?: string;
};

const SECRET = /passphrase|password|token/i;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    // A field sent more than once (a group of checkboxes) keeps every value, one per line.
    if (typeof value === "string" && !SECRET.test(key) && !key.startsWith("$"))
      values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}

/** Runs `work`; an AppError becomes form state, any other error is rethrown to error.tsx. */
export async function runForm(formData: FormData, work: () => Promise<string | void>): Promise<FormState> {
  try {
    const done = await work();
    return { done: done ?? "Saved." };
  } catch (error) {
    if (error instanceof AppError) {
      return { message: error.message, fieldErrors: error.fieldErrors, values: formValues(formData) };
    }
    throw error;
  }
}

/** What an action's work answers: the confirmation to show, the page to go to next, or a summary to confirm first. */
export type FormOutcome = string | { done?: string; redirect: string } | { confirm: string };

export type FormActionOptions = {
  /** Only people of this role may act; anyone signed in by default. */
  role?: Role;
  /** The sections whose pages show what the action changed; every page by default. */
  revalidate?: string[];
  /** Errors of a domain field shown beside another form field: `{ sourceModule: "source" }`. */
  fields?: Record<string, string>;
};

/** A domain error with its field errors moved to the form fields that stand for them. */
function onFormFields(error: unknown, fields: Record<string, string> = {}): unknown {
  if (!(error instanceof AppError) || !Object.keys(fields).some((f) => f in error.fieldErrors)) return error;
  const moved: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    const shownAt = fields[field] ?? field;
    moved[shownAt] ??= message;
  }
  return new AppError(error.code, error.message, moved, error.reason, error.missing);
}

/**
 * The frame of every signed-in server action: the person (of `role`) is signed in, expected
 * failures become form state, the changed pages are revalidated, and a page the work names is
 * where the browser goes next.
 */
export async function formAction(
  formData: FormData,
  options: FormActionOptions,
  work: (signedIn: SignedIn) => Promise<FormOutcome>,
): Promise<FormState> {
  const key = FormKeySchema.safeParse(formData.get(FORM_KEY));
  const signedIn = key.success ? await currentUser() : null;
  const answer = signedIn
    ? await submitOnce(
        signedIn.user.id,
        key.data!,
        () => answerForm(formData, options, work),
        (message) => ({ message }),
      )
    : (await answerForm(formData, options, work)).answer;
  if (answer.state.confirm !== undefined) return answer.state;
  for (const path of options.revalidate ?? ["/"]) revalidatePath(path, "layout");
  if (answer.state.done && answer.next) redirect(answer.next);
  return answer.state;
}

/**
 * The frame of a server action called as soon as a control changes (a tick, a note), without a
 * form: the person is signed in, the changed pages are revalidated, and an expected failure is
 * the message to show, naming what needs attention. Answers null when saved.
 */
export async function saveAction(revalidate: string, work: (signedIn: SignedIn) => Promise<unknown>): Promise<string | null> {
  try {
    await work(await requireUser());
    revalidatePath(revalidate, "layout");
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = Object.values(error.fieldErrors);
    return fields.length > 0 ? `Not saved: ${fields.join("; ")}.` : error.message;
  }
}

/** The form's answer to one submission, and whether it is the final one, to keep for a repeat of it. */
async function answerForm(
  formData: FormData,
  options: FormActionOptions,
  work: (signedIn: SignedIn) => Promise<FormOutcome>,
): Promise<{ answer: StoredAnswer<FormState>; keep: boolean }> {
  let next: string | undefined;
  let confirm: string | undefined;
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser(options.role);
    const outcome = await work(signedIn).catch((error: unknown) => {
      throw onFormFields(error, options.fields);
    });
    if (typeof outcome === "string") return outcome;
    if ("confirm" in outcome) {
      confirm = outcome.confirm;
      return;
    }
    next = outcome.redirect;
    return outcome.done;
  });
  if (confirm !== undefined && state.done) return { answer: { state: { confirm, values: formValues(formData) } }, keep: false };
  return { answer: { state, next }, keep: state.done !== undefined };
}

export function formText(formData: FormData, key: string): string {
  return String(formData.get(key) ?? "");
}

/** The six rubric choices of a RubricInput (missing ones stay missing, for the schema to name). */
export function rubricScoresFrom(formData: FormData): Record<string, FormDataEntryValue | undefined> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, formData.get(`score-${d}`) ?? undefined]));
}

/** The per-dimension remarks of a RubricInput, without the empty ones. */
export function rubricRemarksFrom(formData: FormData): Record<string, string> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, formText(formData, `remark-${d}`)]).filter(([, v]) => v !== ""));
}
