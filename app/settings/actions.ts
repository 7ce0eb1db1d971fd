"use server";

import path from "node:path";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createApiToken, revokeApiToken } from "@/lib/agent/tokens";
import { changePassphrase, setTimeZone } from "@/lib/auth/people";
import { endSession, requireUser, signInClient } from "@/lib/auth/session";
import { revokeSessionsOf } from "@/lib/auth/sessions";
import { backupPlaces } from "@/lib/backup/places";
import { backupNow } from "@/lib/backup/schedule";
import { AppError } from "@/lib/errors";
import { formAction, type FormState, formText, runForm } from "@/lib/forms";
import { parseLearnerExport } from "@/lib/portability/export-format";
import { importLearner } from "@/lib/portability/learner-data";
import { count } from "@/lib/ui/plural";

/** Form state of token creation: the secret travels back once and is never stored in clear. */
export type NewTokenState = FormState & { token?: string };

export async function createTokenAction(_state: NewTokenState, formData: FormData): Promise<NewTokenState> {
  let secret: string | undefined;
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    const created = await createApiToken(signedIn.user.id, {
      learnerId: formText(formData, "learnerId"),
      name: formText(formData, "name"),
    });
    secret = created.secret;
    return `Created the token “${created.token.name}”. Copy it now: it is shown only this once.`;
  });
  revalidatePath("/settings");
  return secret ? { ...state, token: secret } : state;
}

export async function revokeTokenAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    const token = await revokeApiToken(signedIn.user.id, formText(formData, "tokenId"));
    return `Revoked “${token.name}”: requests with it are refused from now on.`;
  });
  revalidatePath("/settings");
  return state;
}

export async function backupAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    await requireUser();
    const result = await backupNow(backupPlaces());
    return `Backed up the database and ${count(result.files, "file")} to ${path.basename(result.archive)} (sha256 ${result.sha256.slice(0, 12)}…).`;
  });
  revalidatePath("/settings");
  return state;
}

export async function importLearnerAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("invalid", "Choose an export file.", { file: "choose a .json export file" });
    const result = await importLearner(parseLearnerExport(await file.text()), { ownerId: signedIn.user.id });
    return `Imported the learner profile with ${count(result.rows, "row")} and ${count(result.files, "file")}.`;
  });
  revalidatePath("/settings");
  return state;
}

/** The person's time zone: every page shows their days, weeks and clock times in it from now on. */
export async function timeZoneAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const { timeZone } = await setTimeZone(signedIn.user.id, { timeZone: formText(formData, "timeZone") });
    return `Your time zone is now ${timeZone}.`;
  });
}

/** A new passphrase; every other signed-in browser of the person is signed out. */
export async function changePassphraseAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    await changePassphrase(
      signedIn.user.id,
      {
        currentPassphrase: formText(formData, "currentPassphrase"),
        passphrase: formText(formData, "passphrase"),
        confirmPassphrase: formText(formData, "confirmPassphrase"),
      },
      await signInClient(signedIn.user.name),
    );
    const others = await revokeSessionsOf(signedIn.user.id, signedIn.sessionId);
    return `Changed your passphrase${others > 0 ? ` and signed out ${count(others, "other browser")}` : ""}.`;
  });
  revalidatePath("/settings");
  return state;
}

/** Signs out every browser of the person, this one too. */
export async function signOutEverywhereAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    await revokeSessionsOf(signedIn.user.id);
    await endSession();
  });
  if (state.done) redirect("/signin");
  return state;
}
