import { handle } from "@/lib/agent/handler";
import { patternJson } from "@/lib/agent/library";
import { API } from "@/lib/agent/routes";
import { createPattern, listPatterns, PATTERNS_PER_PAGE } from "@/lib/library/patterns";
import { TagsSchema } from "@/lib/library/schema";

export const GET = handle(API.listPatterns, async ({ caller, query }) => {
  const { archived, page, q, ...filters } = query;
  const { paging, items } = await listPatterns(
    caller.learner.id,
    {
      ...filters,
      q: q ?? "",
      archived: archived === "true" ? "1" : undefined,
      page: page ?? 1,
    },
    PATTERNS_PER_PAGE.api,
  );
  return {
    patterns: items.map((item) => ({
      slug: item.slug,
      title: item.title,
      category: item.category,
      tags: TagsSchema.parse(item.tags),
      whenToUse: item.whenToUse,
      version: item.version,
      updatedAt: item.updatedAt.toISOString(),
    })),
    page: paging.page,
    pages: paging.pages,
    total: paging.total,
  };
});

export const POST = handle(API.createPattern, async ({ caller, body }) => ({
  pattern: await patternJson(await createPattern(caller.actor, caller.learner.id, body)),
}));
