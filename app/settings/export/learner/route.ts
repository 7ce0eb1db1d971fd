import { download } from "@/lib/downloads";
import { readableLearner } from "@/lib/log/access";
import { exportLearner } from "@/lib/portability/learner-data";

/** One learner profile's data as the versioned JSON export (docs/learner-export.md). */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const learner = await readableLearner(signedIn, query.learner);
    const data = await exportLearner(learner.id);
    return { body: `${JSON.stringify(data, null, 2)}\n`, type: "application/json", filename: `mastery-${learner.name}-${data.exportedAt.slice(0, 10)}.json` };
  });
}
