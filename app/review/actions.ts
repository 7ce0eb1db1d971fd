"use server";

import type { SignedIn } from "@/lib/auth/session";
import { formAction, type FormState, formText, rubricRemarksFrom, rubricScoresFrom } from "@/lib/forms";
import { addReviewComment, rescorePacket, reviewPacket, waivePrerequisite } from "@/lib/reviews/service";

/** A form only a signed-in reviewer sends, acting as reviewer. */
function reviewerAction(formData: FormData, work: (reviewer: NonNullable<SignedIn["asReviewer"]>) => Promise<string>) {
  return formAction(formData, { role: "reviewer" }, (signedIn) => work(signedIn.asReviewer!));
}

export async function verdictAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    const verdict = formText(formData, "verdict");
    await reviewPacket(reviewer, {
      packetId: formText(formData, "packetId"),
      verdict,
      scores: rubricScoresFrom(formData),
      remarks: rubricRemarksFrom(formData),
      feedback: formText(formData, "feedback"),
      evidenceSeen: formData.getAll("evidenceSeen").map(String),
    });
    return verdict === "accept"
      ? "Accepted: the packet is completed."
      : "Rejected: the packet is back with the learner, with your feedback.";
  });
}

export async function commentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    await addReviewComment(reviewer, {
      packetId: formText(formData, "packetId"),
      evidenceItemKey: formText(formData, "evidenceItemKey"),
      body: formText(formData, "body"),
    });
    return "Comment pinned.";
  });
}

export async function waiverAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    await waivePrerequisite(reviewer, {
      learnerId: formText(formData, "learnerId"),
      moduleNumber: formText(formData, "moduleNumber"),
      prerequisite: formText(formData, "prerequisite"),
      reason: formText(formData, "reason"),
    });
    return "Prerequisite waived; the plan log records it.";
  });
}

export async function rescoreAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    await rescorePacket(reviewer, {
      packetId: formText(formData, "packetId"),
      scores: rubricScoresFrom(formData),
      remarks: rubricRemarksFrom(formData),
      note: formText(formData, "note"),
    });
    return "Scores corrected; the earlier review is kept in the history.";
  });
}
