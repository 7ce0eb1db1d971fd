"use server";

import { ownLearnerId } from "@/lib/auth/access";
import { formAction, type FormState, formText, saveAction } from "@/lib/forms";
import { entryRoute } from "@/lib/library/links";
import { clearTicks, createEntry, setEntryArchived, setTick, updateEntry } from "@/lib/library/playbook";
import { LIBRARY } from "../patterns/library-action";

const entryInput = (formData: FormData) => ({
  title: formText(formData, "title"),
  slug: formText(formData, "slug"),
  kind: formText(formData, "kind"),
  body: formText(formData, "body"),
});

export async function createEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    const row = await createEntry(signedIn.asLearner, learnerId, entryInput(formData));
    return { redirect: `${entryRoute(row.slug)}?saved=${row.version}` };
  });
}

export async function updateEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    const row = await updateEntry(signedIn.asLearner, learnerId, formText(formData, "originalSlug"), entryInput(formData), {
      expectedVersion: Number(formText(formData, "version")),
    });
    if (!row) return "Nothing changed, so no new version was saved.";
    return { redirect: `${entryRoute(row.slug)}?saved=${row.version}` };
  });
}

export async function archiveEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    const archived = formText(formData, "archived") === "true";
    const row = await setEntryArchived(signedIn.asLearner, learnerId, formText(formData, "slug"), archived);
    return archived ? `Archived as version ${row.version}.` : `Restored as version ${row.version}.`;
  });
}

export async function clearTicksAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    await clearTicks(signedIn.asLearner, learnerId, formText(formData, "slug"));
    return "All ticks cleared.";
  });
}

/** Saves one checklist tick; answers with a message to show, or null when saved. */
export async function tickAction(slug: string, itemKey: string, ticked: boolean): Promise<string | null> {
  return saveAction("/playbook", (signedIn) =>
    setTick(signedIn.asLearner, ownLearnerId(signedIn), String(slug), String(itemKey), ticked === true),
  );
}
