import { download } from "@/lib/downloads";
import { requireViewedLearner } from "@/lib/auth/access";
import { learningRecordZip } from "@/lib/portability/record-zip";

/** The learning record as a zip of Markdown files. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const learner = await requireViewedLearner(signedIn, query.learner);
    const now = new Date();
    return {
      body: await learningRecordZip(learner.id, now),
      type: "application/zip",
      filename: `learning-record-${learner.name}-${now.toISOString().slice(0, 10)}.zip`,
    };
  });
}
