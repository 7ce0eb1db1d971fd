import { handle } from "@/lib/agent/handler";
import { entryJson } from "@/lib/agent/library";
import { API } from "@/lib/agent/routes";
import { createEntry, entryHeads } from "@/lib/library/playbook";

export const GET = handle(API.listEntries, async ({ caller, query }) => {
  const archived = query.archived === "true";
  const heads = await entryHeads(caller.learner.id);
  return {
    entries: heads
      .filter((e) => e.archived === archived && (query.kind === undefined || e.kind === query.kind))
      .map((e) => ({ slug: e.slug, title: e.title, kind: e.kind, archived: e.archived, version: e.version, updatedAt: e.updatedAt.toISOString() })),
  };
});

export const POST = handle(API.createEntry, async ({ caller, body }) => ({
  entry: await entryJson(await createEntry(caller.actor, caller.learner.id, body)),
}));
