import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { currentUser } from "@/lib/auth/session";
import { searchEverything } from "@/lib/library/search";

/** The program's content and, for a signed-in learner, their own patterns and playbook entries. */
export const GET = handle(API.searchContent, async ({ query }) => {
  const started = performance.now();
  const results = await searchEverything((await currentUser())?.learnerId, query.q, query.limit ?? 20);
  return { query: query.q, results, tookMs: Math.round((performance.now() - started) * 100) / 100 };
});
