import { answer, readJson } from "@/lib/api";
import { requireUser } from "@/lib/auth/session";
import { reviewPacket } from "@/lib/reviews/service";

/** A reviewer's verdict on a packet. Only a signed-in reviewer: learners and tokens get 403. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const signedIn = await requireUser("reviewer");
    const body = (await readJson(request)) as Record<string, unknown>;
    const review = await reviewPacket(signedIn.asReviewer!, { ...body, packetId: (await params).id });
    return { review: { id: review.id, verdict: review.verdict, createdAt: review.createdAt } };
  });
}
