import { handle } from "@/lib/agent/handler";
import { logEntryJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { appendLogNote } from "@/lib/log/notes";
import { LOG_LIMIT } from "@/lib/agent/schemas";
import { logCursor, logPage } from "@/lib/log/pages";

export const GET = handle(API.readLog, async ({ caller, query }) => {
  const limit = query.limit ?? LOG_LIMIT.default;
  const window = query.after
    ? { limit, after: query.after }
    : query.before
      ? { limit, before: query.before }
      : { limit, from: "oldest" as const };
  const { entries, earlier, later } = await logPage(
    { learnerId: caller.learner.id, moduleNumber: query.module, status: query.status },
    window,
  );
  return {
    entries: entries.map(logEntryJson),
    next: later && entries.length > 0 ? logCursor(entries.at(-1)!) : null,
    previous: earlier && entries.length > 0 ? logCursor(entries[0]!) : null,
  };
});

export const POST = handle(API.appendLog, async ({ caller, body }) => {
  const { module: moduleNumber, ...note } = body;
  const entry = await appendLogNote(caller.actor, { learnerId: caller.learner.id, moduleNumber, ...note });
  return { entry: logEntryJson(entry) };
});
