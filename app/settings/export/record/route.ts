import { download } from "@/lib/downloads";
import { requireViewedLearner } from "@/lib/auth/access";
import { learnerTimeZone } from "@/lib/auth/people";
import { learningRecordZip } from "@/lib/portability/record-zip";
import { dayKey } from "@/lib/time/zone";

/** The learning record as a zip of Markdown files. */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const learner = await requireViewedLearner(signedIn, query.learner);
    const now = new Date();
    return {
      body: await learningRecordZip(learner.id, now),
      type: "application/zip",
      filename: `learning-record-${learner.name}-${dayKey(now, await learnerTimeZone(learner.id))}.zip`,
    };
  });
}
