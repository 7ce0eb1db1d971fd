// Server actions report expected failures as state for the form (a message, one error per
// field, and the values the person typed, so nothing is lost); anything else is a bug.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Role } from "./auth/people";
import { requireUser, type SignedIn } from "./auth/session";
import { AppError } from "./errors";
import { DIMENSIONS } from "./rubric/rubric";

export type FormState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  done?: string;
};

const SECRET = /passphrase|password|token/i;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET.test(key) && !key.startsWith("$")) values[key] = value;
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

/** What an action's work answers: the confirmation to show, or the page to go to next. */
export type FormOutcome = string | { done?: string; redirect: string };

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
  let next: string | undefined;
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser(options.role);
    const outcome = await work(signedIn).catch((error: unknown) => {
      throw onFormFields(error, options.fields);
    });
    if (typeof outcome === "string") return outcome;
    next = outcome.redirect;
    return outcome.done;
  });
  for (const path of options.revalidate ?? ["/"]) revalidatePath(path, "layout");
  if (state.done && next) redirect(next);
  return state;
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
