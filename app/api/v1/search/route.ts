import { handle } from "@/lib/agent/handler";
import { learnerCaller } from "@/lib/agent/caller";
import { API } from "@/lib/agent/routes";
import { currentUser } from "@/lib/auth/session";
import { searchEverything } from "@/lib/library/search";

/** The program's content and, for a token's learner or a signed-in learner, their own patterns and playbook entries. */
export const GET = handle(API.searchContent, async ({ query, request }) => {
  const started = performance.now();
  const learnerId = request.headers.has("authorization") ? (await learnerCaller(request)).learner.id : (await currentUser())?.learnerId;
  const results = await searchEverything(learnerId, query.q, query.limit ?? 20);
  return { query: query.q, results, tookMs: Math.round((performance.now() - started) * 100) / 100 };
});
