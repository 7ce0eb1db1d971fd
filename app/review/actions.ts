"use server";

import type { SignedIn } from "@/lib/auth/session";
import { formAction, type FormOutcome, type FormState, formText, rubricRemarksFrom, rubricScoresFrom } from "@/lib/forms";
import { addReviewComment, previewVerdict, rescorePacket, reviewPacket, waivePrerequisite } from "@/lib/reviews/service";

/** A form only a signed-in reviewer sends, acting as reviewer. */
function reviewerAction(formData: FormData, work: (reviewer: NonNullable<SignedIn["asReviewer"]>) => Promise<FormOutcome>) {
  return formAction(formData, { role: "reviewer" }, (signedIn) => work(signedIn.asReviewer!));
}

const VERDICT_WORDS: Record<string, string> = { accept: "Approve", reject: "Request changes on" };

/**
 * A verdict in two steps: the first checks every rule and answers what would be recorded, for
 * the reviewer to confirm; the confirmed one records it and opens the packet with what happened.
 */
export async function verdictAction(_state: FormState, formData: FormData): Promise<FormState> {
  return reviewerAction(formData, async (reviewer) => {
    const packetId = formText(formData, "packetId");
    const input = {
      packetId,
      verdict: formText(formData, "verdict"),
      scores: rubricScoresFrom(formData),
      remarks: rubricRemarksFrom(formData),
      feedback: formText(formData, "feedback"),
      evidenceSeen: formData.getAll("evidenceSeen").map(String),
    };
    if (formText(formData, "confirmed") !== "yes") {
      const preview = await previewVerdict(reviewer, input);
      return {
        confirm: `${VERDICT_WORDS[preview.verdict]} ${preview.learnerName}'s ${preview.moduleLabel}, rubric average ${preview.average} (${preview.pass ? "passes" : "below the pass threshold"}).`,
      };
    }
    await reviewPacket(reviewer, input);
    return { redirect: `/review/${packetId}?reviewed=1#outcome` };
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
    const [moduleNumber = "", prerequisite = ""] = formText(formData, "waiver").split(":");
    await waivePrerequisite(reviewer, {
      learnerId: formText(formData, "learnerId"),
      moduleNumber,
      prerequisite,
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
