"use server";

import { redirect } from "next/navigation";
import { runFirstSetup } from "@/lib/auth/people";
import { startSession } from "@/lib/auth/session";
import { type FormState, runForm } from "@/lib/forms";

export async function setupAction(_state: FormState, formData: FormData): Promise<FormState> {
  let done = false;
  const state = await runForm(formData, async () => {
    const { learner, profile } = await runFirstSetup({
      learnerName: String(formData.get("learnerName") ?? ""),
      learnerPassphrase: String(formData.get("learnerPassphrase") ?? ""),
      reviewerName: String(formData.get("reviewerName") ?? ""),
      reviewerPassphrase: String(formData.get("reviewerPassphrase") ?? ""),
      programSlug: String(formData.get("programSlug") ?? ""),
      soloMode: formData.get("soloMode") === "on",
      coolingOffHours: String(formData.get("coolingOffHours") ?? "") || undefined,
      timeZone: String(formData.get("timeZone") ?? ""),
    });
    await startSession(learner.id, profile.id);
    done = true;
  });
  if (done) redirect("/");
  return state;
}
