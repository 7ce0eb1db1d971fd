"use server";

import { redirect } from "next/navigation";
import { learnerProfilesOf, signIn } from "@/lib/auth/people";
import { endSession, rememberDevice, signInClient, startSession } from "@/lib/auth/session";
import { type FormState, runForm } from "@/lib/forms";

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  let target: string | null = null;
  const state = await runForm(formData, async () => {
    const name = String(formData.get("name") ?? "");
    const user = await signIn({ name, passphrase: String(formData.get("passphrase") ?? "") }, await signInClient(name));
    const [profile] = await learnerProfilesOf(user.id);
    await startSession(user.id, profile?.id);
    await rememberDevice(user.name);
    target = user.role === "reviewer" ? "/review" : "/";
  });
  if (target) redirect(target);
  return state;
}

export async function signOutAction() {
  await endSession();
  redirect("/signin");
}
