"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/agent/tokens";
import { requireUser } from "@/lib/auth/session";
import { type FormState, formText, runForm } from "@/lib/forms";

/** Form state of token creation: the secret travels back once and is never stored in clear. */
export type NewTokenState = FormState & { token?: string };

export async function createTokenAction(_state: NewTokenState, formData: FormData): Promise<NewTokenState> {
  let secret: string | undefined;
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    const created = await createApiToken(signedIn.user.id, { learnerId: formText(formData, "learnerId"), name: formText(formData, "name") });
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
