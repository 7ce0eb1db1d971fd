import { download } from "@/lib/downloads";
import { requireViewedLearner } from "@/lib/auth/access";
import { exportLearner } from "@/lib/portability/learner-data";

/** One learner profile's data as the versioned JSON export (docs/learner-export.md). */
export function GET(request: Request) {
  return download(request, async (signedIn, query) => {
    const learner = await requireViewedLearner(signedIn, query.learner);
    const data = await exportLearner(learner.id);
    return {
      body: `${JSON.stringify(data, null, 2)}\n`,
      type: "application/json",
      filename: `mastery-${learner.name}-${data.exportedAt.slice(0, 10)}.json`,
    };
  });
}
