import { handle } from "@/lib/agent/handler";
import { logEntryJson } from "@/lib/agent/present";
import { API } from "@/lib/agent/routes";
import { appendLogNote } from "@/lib/log/notes";
import { listLogEntries } from "@/lib/log/service";

export const GET = handle(API.readLog, async ({ caller, query }) => {
  const entries = await listLogEntries({ learnerId: caller.learner.id, moduleNumber: query.module, status: query.status });
  return { entries: entries.map(logEntryJson) };
});

export const POST = handle(API.appendLog, async ({ caller, body }) => {
  const { module: moduleNumber, ...note } = body;
  const entry = await appendLogNote(caller.actor, { learnerId: caller.learner.id, moduleNumber, ...note }, caller.tokenLearnerId);
  return { entry: logEntryJson(entry) };
});
