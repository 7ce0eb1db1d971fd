"use server";

import { revalidatePath } from "next/cache";
import { requireUser, type SignedIn } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { type FormState, formText, runForm } from "@/lib/forms";
import { formatDuration } from "@/lib/progress/calendar";
import { markIndicator } from "@/lib/progress/indicators";
import { recordRedrill } from "@/lib/redrill/service";
import { addTimeEntry, correctTimeEntry, startTimer, stopTimer } from "@/lib/time/service";

/** Runs a form on the signed-in person's own learner profile. */
async function ownProfileAction(formData: FormData, work: (signedIn: SignedIn, learnerId: string) => Promise<string>): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    if (!signedIn.learnerId) throw new AppError("forbidden", "You have no learner profile: sign in as a learner to track your own progress.");
    return work(signedIn, signedIn.learnerId);
  });
  revalidatePath("/", "layout");
  return state;
}

/** The module and exercise a form's "target" choice names (`3` or `3:exercise-slug`), with its errors reported on that field. */
async function onTarget<T>(formData: FormData, work: (target: { moduleNumber: string; exercise: string }) => Promise<T>): Promise<T> {
  const [moduleNumber = "", exercise = ""] = formText(formData, "target").split(":");
  try {
    return await work({ moduleNumber, exercise });
  } catch (error) {
    const fields = error instanceof AppError ? error.fieldErrors : {};
    if (error instanceof AppError && (fields.moduleNumber || fields.exercise)) {
      const { moduleNumber: m, exercise: e, ...rest } = fields;
      throw new AppError(error.code, error.message, { ...rest, target: (m ?? e)! }, error.reason);
    }
    throw error;
  }
}

export async function startTimerAction(_state: FormState, formData: FormData): Promise<FormState> {
  return ownProfileAction(formData, (signedIn, learnerId) =>
    onTarget(formData, async (target) => {
      await startTimer(signedIn.asLearner, { learnerId, ...target });
      return "Timer started. It keeps running if you leave or reload the page.";
    }),
  );
}

export async function stopTimerAction(_state: FormState, formData: FormData): Promise<FormState> {
  return ownProfileAction(formData, async (signedIn, learnerId) => {
    const entry = await stopTimer(signedIn.asLearner, { learnerId, timerId: formText(formData, "timerId"), note: formText(formData, "note") });
    return `Stopped: ${formatDuration(entry.seconds)} recorded on module ${entry.moduleNumber}.`;
  });
}

export async function addTimeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return ownProfileAction(formData, (signedIn, learnerId) =>
    onTarget(formData, async (target) => {
      const entry = await addTimeEntry(signedIn.asLearner, {
        learnerId,
        ...target,
        date: formText(formData, "date"),
        minutes: formText(formData, "minutes"),
        note: formText(formData, "note"),
      });
      return `Added ${formatDuration(entry.seconds)} on module ${entry.moduleNumber}.`;
    }),
  );
}

export async function correctTimeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return ownProfileAction(formData, (signedIn, learnerId) =>
    onTarget(formData, async (target) => {
      const entry = await correctTimeEntry(signedIn.asLearner, {
        learnerId,
        ...target,
        entryId: formText(formData, "entryId"),
        date: formText(formData, "date"),
        minutes: formText(formData, "minutes"),
        note: formText(formData, "note"),
      });
      return `Corrected: the entry now counts ${formatDuration(entry.seconds)}; the earlier value stays in its history.`;
    }),
  );
}

export async function redrillAction(_state: FormState, formData: FormData): Promise<FormState> {
  return ownProfileAction(formData, async (signedIn, learnerId) => {
    const result = await recordRedrill(signedIn.asLearner, { learnerId, item: formText(formData, "item"), outcome: formText(formData, "outcome") || undefined, note: formText(formData, "note") });
    return result.passed ? "Recorded: it comes back after a longer interval." : "Recorded: it comes back tomorrow.";
  });
}

export async function indicatorAction(_state: FormState, formData: FormData): Promise<FormState> {
  return ownProfileAction(formData, async (signedIn, learnerId) => {
    const mark = await markIndicator(signedIn.asLearner, {
      learnerId,
      kind: formText(formData, "kind"),
      item: formText(formData, "item"),
      checked: formData.get("checked") === "on",
      note: formText(formData, "note"),
    });
    return mark.checked ? "Ticked, with your note." : "Unticked; the earlier tick stays in the history.";
  });
}
