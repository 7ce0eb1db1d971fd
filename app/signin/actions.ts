"use server";

import { redirect } from "next/navigation";
import { learnerProfilesOf, signIn } from "@/lib/auth/people";
import { endSession, startSession } from "@/lib/auth/session";
import { type FormState, runForm } from "@/lib/forms";

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  let target: string | null = null;
  const state = await runForm(formData, async () => {
    const user = await signIn({ name: String(formData.get("name") ?? ""), passphrase: String(formData.get("passphrase") ?? "") });
    const [profile] = await learnerProfilesOf(user.id);
    await startSession(user.id, profile?.id);
    target = user.role === "reviewer" ? "/review" : "/";
  });
  if (target) redirect(target);
  return state;
}

export async function signOutAction() {
  await endSession();
  redirect("/signin");
}
