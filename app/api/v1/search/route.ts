import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { getContent } from "@/lib/content";
import { searchContent } from "@/lib/content/search";

export const GET = handle(API.searchContent, async ({ query }) => {
  const started = performance.now();
  const results = searchContent(getContent(), query.q, query.limit ?? 20);
  return { query: query.q, results, tookMs: Math.round((performance.now() - started) * 100) / 100 };
});
