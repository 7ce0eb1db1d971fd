"use server";

import { revalidatePath } from "next/cache";
import { ownLearnerId } from "@/lib/auth/access";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formAction, type FormState, formText, rubricScoresFrom } from "@/lib/forms";
import { addEvidence } from "@/lib/packets/evidence";
import { discardDrill, startDrill, stopDrill } from "@/lib/packets/drill-runs";
import { blockPacket, startPacket, submitPacket, unblockPacket } from "@/lib/packets/service";
import { setFeedbackTick } from "@/lib/reviews/checklist";
import { resolveReviewComment, selfReviewPacket } from "@/lib/reviews/service";

export async function startAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await startPacket(signedIn.asLearner, {
      learnerId: ownLearnerId(signedIn),
      moduleNumber: Number(formData.get("moduleNumber")),
      restart: formData.get("restart") === "true",
    });
    return "Started. The plan log has the entry.";
  });
}

export async function blockAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await blockPacket(signedIn.asLearner, { packetId: formText(formData, "packetId"), reason: formText(formData, "reason") });
    return "Blocked; your reviewer sees the reason.";
  });
}

export async function unblockAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await unblockPacket(signedIn.asLearner, { packetId: formText(formData, "packetId"), reason: formText(formData, "reason") });
    return "Unblocked.";
  });
}

export async function evidenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const kind = formText(formData, "kind");
    const itemKey = formText(formData, "itemKey") || undefined;
    const base = {
      itemKey,
      title: formText(formData, "title"),
      body: formText(formData, "body"),
      artifact: formText(formData, "artifact"),
    };
    const file = formData.get("file");
    const fields: Record<string, unknown> =
      kind === "file"
        ? {
            fileName: file instanceof File ? file.name : "",
            fileType: file instanceof File && file.type ? file.type : undefined,
            bytes: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined,
          }
        : kind === "drill"
          ? {
              drillId: formText(formData, "drillId"),
              reps: formText(formData, "reps"),
              seconds: formText(formData, "seconds"),
              passed: formData.get("passed") === "on",
            }
          : { url: formText(formData, "url"), exercise: formText(formData, "exercise"), question: formText(formData, "question") };
    const input = { ...base, kind, ...fields };
    const row = await addEvidence(signedIn.asLearner, formText(formData, "packetId"), input);
    return `Saved "${row.title}" as version ${row.version}.`;
  });
}

export async function startDrillAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await startDrill(signedIn.asLearner, { packetId: formText(formData, "packetId"), drillId: formText(formData, "drillId") });
    return "Stopwatch started. It keeps running if you reload or leave the page.";
  });
}

export async function stopDrillAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const row = await stopDrill(signedIn.asLearner, {
      packetId: formText(formData, "packetId"),
      reps: formText(formData, "reps"),
      passed: formData.get("passed") === "on",
      title: formText(formData, "title"),
      body: formText(formData, "body"),
    });
    return `Recorded "${row.title}" as version ${row.version}; its time counts towards the module's hours.`;
  });
}

export async function discardDrillAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await discardDrill(signedIn.asLearner, { packetId: formText(formData, "packetId") });
    return "Stopwatch discarded; nothing was recorded.";
  });
}

export async function submitAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    const claims = [0, 1, 2]
      .map((i) => ({ claim: formText(formData, `claim${i}`).trim(), evidence: formData.getAll(`claim${i}Evidence`).map(String) }))
      .filter((c, i) => i === 0 || c.claim !== "" || c.evidence.length > 0);
    const proof = {
      validationStatus: formText(formData, "validationStatus") || undefined,
      validationDetail: formText(formData, "validationDetail"),
      drillStatus: formText(formData, "drillStatus") || undefined,
      drillDetail: formText(formData, "drillDetail"),
      selfScores: rubricScoresFrom(formData),
      rubricSummary: formText(formData, "rubricSummary"),
      risks: formText(formData, "risks"),
      followUps: formText(formData, "followUps"),
      claims: claims.filter((c) => c.claim !== "" || c.evidence.length > 0),
    };
    await submitPacket(signedIn.asLearner, { packetId: formText(formData, "packetId"), proof });
    return "Submitted for review. The packet waits for your reviewer's sign-off.";
  });
}

export async function resolveCommentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await resolveReviewComment(signedIn.asLearner, { commentId: formText(formData, "commentId"), note: formText(formData, "note") });
    return "Marked resolved.";
  });
}

export async function selfReviewAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {}, async (signedIn) => {
    await selfReviewPacket(signedIn.asLearner, {
      packetId: formText(formData, "packetId"),
      scores: rubricScoresFrom(formData),
      checklist: formData.getAll("checklist").map(String),
      reflection: formText(formData, "reflection"),
    });
    return "Self-review recorded. It is shown everywhere as a self-review, not a reviewer's accept.";
  });
}

/** Marks one item of a rejection's feedback done or open; answers with a message to show, or null when saved. */
export async function feedbackTickAction(packetId: string, number: string, done: boolean): Promise<string | null> {
  try {
    const signedIn = await requireUser();
    await setFeedbackTick(signedIn.asLearner, { packetId: String(packetId), number: String(number), done: done === true });
    revalidatePath("/programs/[program]/modules/[module]/packet", "page");
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
