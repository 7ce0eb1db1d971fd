"use server";

import { ownLearnerId } from "@/lib/auth/access";
import { planRoute } from "@/lib/execplans/links";
import { attachPlan, createPlan, detachPlan, importPlan, saveRevision, setPlanTerms } from "@/lib/execplans/service";
import { formAction, type FormState, formText } from "@/lib/forms";

export async function createPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const { plan } = await createPlan(signedIn.asLearner, { learnerId: ownLearnerId(signedIn), title: formText(formData, "title") });
    return { done: "Created.", redirect: planRoute(plan.id) };
  });
}

export async function importPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const file = formData.get("file");
    const { plan } = await importPlan(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      fileName: file instanceof File ? file.name : "",
      bytes: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined,
    });
    return { done: "Imported.", redirect: planRoute(plan.id) };
  });
}

export async function savePlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const planId = formText(formData, "planId");
    const saved = await saveRevision(signedIn.asLearner, {
      planId,
      body: formText(formData, "body"),
      baseRevision: formText(formData, "baseRevision"),
    });
    if (saved.unchanged) return `Nothing changed since revision ${saved.revision.number}; no new revision was saved.`;
    return { done: `Saved revision ${saved.revision.number}.`, redirect: planRoute(planId) };
  });
}

export async function setTermsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const plan = await setPlanTerms(signedIn.asLearner, { planId: formText(formData, "planId"), terms: formText(formData, "terms") });
    const count = plan.terms.split("\n").filter(Boolean).length;
    return `Saved the word list (${count} term${count === 1 ? "" : "s"}).`;
  });
}

export async function attachPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const { revision, moduleLabel } = await attachPlan(signedIn.asLearner, {
      planId: formText(formData, "planId"),
      packetId: formText(formData, "packetId"),
    });
    return `Revision ${revision.number} is attached to ${moduleLabel}.`;
  });
}

export async function detachPlanAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await detachPlan(signedIn.asLearner, { planId: formText(formData, "planId"), packetId: formText(formData, "packetId") });
    return "Detached; the attachment stays in the history.";
  });
}
