"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { type FormState, formText, runForm } from "@/lib/forms";
import { appendLogNote } from "@/lib/log/notes";

export async function appendNoteAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    if (!signedIn.learnerId) throw new AppError("forbidden", "You have no learner profile: sign in as a learner to write to your plan log.");
    await appendLogNote(signedIn.asLearner, {
      learnerId: signedIn.learnerId,
      moduleNumber: formText(formData, "moduleNumber"),
      summary: formText(formData, "summary"),
      evidence: formText(formData, "evidence"),
      risks: formText(formData, "risks"),
      next: formText(formData, "next"),
    });
    return "Added to the plan log.";
  });
  revalidatePath("/log");
  return state;
}
