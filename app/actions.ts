"use server";

import { ownLearnerId } from "@/lib/auth/access";
import { formAction, type FormActionOptions, type FormState, formText, saveAction } from "@/lib/forms";
import { formatDuration } from "@/lib/progress/calendar";
import { markIndicator } from "@/lib/progress/indicators";
import { recordRedrill } from "@/lib/redrill/service";
import { addTimeEntry, correctTimeEntry, startTimer, stopTimer } from "@/lib/time/service";

/** The module and exercise a form's "target" choice names (`3` or `3:exercise-slug`). */
function targetOf(formData: FormData): { moduleNumber: string; exercise: string } {
  const [moduleNumber = "", exercise = ""] = formText(formData, "target").split(":");
  return { moduleNumber, exercise };
}

/** Errors about the module or exercise belong beside the one "target" choice. */
const ON_TARGET: FormActionOptions = { fields: { moduleNumber: "target", exercise: "target" } };

export async function startTimerAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, ON_TARGET, async (signedIn) => {
    const target = targetOf(formData);
    await startTimer(signedIn.asLearner, { learnerId: ownLearnerId(signedIn), ...target });
    return "Timer started. It keeps running if you leave or reload the page.";
  });
}

export async function stopTimerAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const entry = await stopTimer(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      timerId: formText(formData, "timerId"),
      note: formText(formData, "note"),
    });
    return `Stopped: ${formatDuration(entry.seconds)} recorded on module ${entry.moduleNumber}.`;
  });
}

export async function addTimeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, ON_TARGET, async (signedIn) => {
    const target = targetOf(formData);
    const entry = await addTimeEntry(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      ...target,
      date: formText(formData, "date"),
      minutes: formText(formData, "minutes"),
      note: formText(formData, "note"),
    });
    return `Added ${formatDuration(entry.seconds)} on module ${entry.moduleNumber}.`;
  });
}

export async function correctTimeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, ON_TARGET, async (signedIn) => {
    const target = targetOf(formData);
    const entry = await correctTimeEntry(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      ...target,
      entryId: formText(formData, "entryId"),
      date: formText(formData, "date"),
      minutes: formText(formData, "minutes"),
      note: formText(formData, "note"),
    });
    return `Corrected: the entry now counts ${formatDuration(entry.seconds)}; the earlier value stays in its history.`;
  });
}

export async function redrillAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const result = await recordRedrill(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      item: formText(formData, "item"),
      outcome: formText(formData, "outcome") || undefined,
      note: formText(formData, "note"),
    });
    return result.passed ? "Recorded: it comes back after a longer interval." : "Recorded: it comes back tomorrow.";
  });
}

export async function indicatorAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const mark = await markIndicator(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      kind: formText(formData, "kind"),
      item: formText(formData, "item"),
      checked: formData.get("checked") === "on",
      note: formText(formData, "note"),
    });
    return mark.checked ? "Ticked, with your note." : "Unticked; the earlier tick stays in the history.";
  });
}

/** Saves one indicator's tick and note as soon as either changes; answers with a message to show, or null when saved. */
export async function indicatorSaveAction(mark: { kind: string; item: string; checked: boolean; note: string }): Promise<string | null> {
  return saveAction("/", (signedIn) => markIndicator(signedIn.asLearner, { ...mark, learnerId: ownLearnerId(signedIn) }));
}
