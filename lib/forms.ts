// Server actions report expected failures as state for the form (a message, one error per
// field, and the values the person typed, so nothing is lost); anything else is a bug.
import { AppError } from "./errors";
import { DIMENSIONS } from "./rubric/rubric";

export type FormState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  done?: string;
};

const SECRET = /passphrase|password|token/i;

export function formValues(formData: FormData): Record<string, string> {
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
