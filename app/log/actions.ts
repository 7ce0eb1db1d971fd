"use server";

import { ownLearnerId } from "@/lib/auth/access";
import { formAction, type FormState, formText } from "@/lib/forms";
import { appendLogNote } from "@/lib/log/notes";

export async function appendNoteAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { revalidate: ["/log"] }, async (signedIn) => {
    await appendLogNote(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      moduleNumber: formText(formData, "moduleNumber"),
      summary: formText(formData, "summary"),
      evidence: formText(formData, "evidence"),
      risks: formText(formData, "risks"),
      next: formText(formData, "next"),
    });
    return "Added to the plan log.";
  });
}
