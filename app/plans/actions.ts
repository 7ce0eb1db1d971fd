"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser, type SignedIn } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { planRoute } from "@/lib/execplans/links";
import { attachPlan, createPlan, detachPlan, importPlan, saveRevision, setPlanTerms } from "@/lib/execplans/service";
import { type FormState, formText, runForm } from "@/lib/forms";

function learnerIdOf(signedIn: SignedIn): string {
  if (!signedIn.learnerId) throw new AppError("forbidden", "You have no learner profile: sign in as a learner to write plans.");
  return signedIn.learnerId;
}

/** Runs a plan form; on success revalidates the plan pages and, when `work` names a plan, goes there. */
async function planForm(formData: FormData, work: (signedIn: SignedIn) => Promise<{ done: string; goTo?: string }>): Promise<FormState> {
  let goTo: string | undefined;
  const state = await runForm(formData, async () => {
    const result = await work(await requireUser());
    goTo = result.goTo;
    return result.done;
  });
  revalidatePath("/", "layout");
  if (state.done && goTo) redirect(goTo);
  return state;
}

export async function createPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return planForm(formData, async (signedIn) => {
    const { plan } = await createPlan(signedIn.asLearner, { learnerId: learnerIdOf(signedIn), title: formText(formData, "title") });
    return { done: "Created.", goTo: planRoute(plan.id) };
  });
}

export async function importPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return planForm(formData, async (signedIn) => {
    const file = formData.get("file");
    const { plan } = await importPlan(signedIn.asLearner, {
      learnerId: learnerIdOf(signedIn),
      fileName: file instanceof File ? file.name : "",
      bytes: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined,
    });
    return { done: "Imported.", goTo: planRoute(plan.id) };
  });
}

export async function savePlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return planForm(formData, async (signedIn) => {
    const planId = formText(formData, "planId");
    const saved = await saveRevision(signedIn.asLearner, {
      planId,
      body: formText(formData, "body"),
      baseRevision: formText(formData, "baseRevision"),
    });
    if (saved.unchanged) return { done: `Nothing changed since revision ${saved.revision.number}; no new revision was saved.` };
    return { done: `Saved revision ${saved.revision.number}.`, goTo: planRoute(planId) };
  });
}

export async function setTermsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return planForm(formData, async (signedIn) => {
    const plan = await setPlanTerms(signedIn.asLearner, { planId: formText(formData, "planId"), terms: formText(formData, "terms") });
    const count = plan.terms.split("\n").filter(Boolean).length;
    return { done: `Saved the word list (${count} term${count === 1 ? "" : "s"}).` };
  });
}

export async function attachPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return planForm(formData, async (signedIn) => {
    const { revision, moduleLabel } = await attachPlan(signedIn.asLearner, {
      planId: formText(formData, "planId"),
      packetId: formText(formData, "packetId"),
    });
    return { done: `Revision ${revision.number} is attached to ${moduleLabel}.` };
  });
}

export async function detachPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return planForm(formData, async (signedIn) => {
    await detachPlan(signedIn.asLearner, { planId: formText(formData, "planId"), packetId: formText(formData, "packetId") });
    return { done: "Detached; the attachment stays in the history." };
  });
}
