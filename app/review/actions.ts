"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { type FormState, runForm } from "@/lib/forms";
import { addReviewComment, rescorePacket, reviewPacket, waivePrerequisite } from "@/lib/reviews/service";
import { DIMENSIONS } from "@/lib/rubric/rubric";

const text = (formData: FormData, key: string) => String(formData.get(key) ?? "");

async function reviewerAction(formData: FormData, work: (reviewer: NonNullable<Awaited<ReturnType<typeof requireUser>>["asReviewer"]>) => Promise<string>) {
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser("reviewer");
    return work(signedIn.asReviewer!);
  });
  revalidatePath("/", "layout");
  return state;
}

export async function verdictAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    const verdict = text(formData, "verdict");
    await reviewPacket(reviewer, {
      packetId: text(formData, "packetId"),
      verdict,
      scores: Object.fromEntries(DIMENSIONS.map((d) => [d, formData.get(`score-${d}`) ?? undefined])),
      remarks: Object.fromEntries(DIMENSIONS.map((d) => [d, text(formData, `remark-${d}`)]).filter(([, v]) => v !== "")),
      feedback: text(formData, "feedback"),
      evidenceSeen: formData.getAll("evidenceSeen").map(String),
    });
    return verdict === "accept" ? "Accepted: the packet is completed." : "Rejected: the packet is back with the learner, with your feedback.";
  });
}

export async function commentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    await addReviewComment(reviewer, { packetId: text(formData, "packetId"), evidenceItemKey: text(formData, "evidenceItemKey"), body: text(formData, "body") });
    return "Comment pinned.";
  });
}

export async function waiverAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    await waivePrerequisite(reviewer, {
      learnerId: text(formData, "learnerId"),
      moduleNumber: text(formData, "moduleNumber"),
      prerequisite: text(formData, "prerequisite"),
      reason: text(formData, "reason"),
    });
    return "Prerequisite waived; the plan log records it.";
  });
}

export async function rescoreAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    await rescorePacket(reviewer, {
      packetId: text(formData, "packetId"),
      scores: Object.fromEntries(DIMENSIONS.map((d) => [d, formData.get(`score-${d}`) ?? undefined])),
      remarks: Object.fromEntries(DIMENSIONS.map((d) => [d, text(formData, `remark-${d}`)]).filter(([, v]) => v !== "")),
      note: text(formData, "note"),
    });
    return "Scores corrected; the earlier review is kept in the history.";
  });
}
