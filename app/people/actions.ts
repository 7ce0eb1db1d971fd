"use server";

import { revalidatePath } from "next/cache";
import { addLearnerProfile, createUser } from "@/lib/auth/people";
import { requireUser } from "@/lib/auth/session";
import { type FormState, formText, runForm } from "@/lib/forms";

export async function addPersonAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    await requireUser("reviewer");
    const role = formText(formData, "role");
    const user = await createUser({
      name: formText(formData, "name"),
      passphrase: formText(formData, "passphrase"),
      role,
      timeZone: formText(formData, "timeZone"),
    });
    if (user.role === "learner") {
      await addLearnerProfile(user.id, {
        programSlug: formText(formData, "programSlug"),
        soloMode: formData.get("soloMode") === "on",
        coolingOffHours: formText(formData, "coolingOffHours") || undefined,
      });
    }
    return `Added ${user.name} as a ${user.role}.`;
  });
  revalidatePath("/people");
  return state;
}

export async function addOwnProfileAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser("reviewer");
    await addLearnerProfile(signedIn.user.id, { programSlug: formText(formData, "programSlug") });
    return "Your own learner profile is ready; another reviewer must review its packets.";
  });
  revalidatePath("/people");
  return state;
}
