// The plan log's text format (async-plan template §6), one block per entry.
export type LogEntryText = {
  createdAt: Date;
  moduleNumber: number;
  status: string;
  summary: string;
  evidence: string;
  risks: string;
  next: string;
};

const oneLine = (value: string) => value.replace(/\s*\n\s*/g, " ").trim() || "none";

/** The template's timestamp, always in UTC whatever the reader's time zone: `2026-03-09 18:00 UTC`. */
function logTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatLogEntry(entry: LogEntryText): string {
  return [
    `[${logTimestamp(entry.createdAt)}] module=${String(entry.moduleNumber).padStart(2, "0")} status=${entry.status}`,
    `summary=${oneLine(entry.summary)}`,
    `evidence=${oneLine(entry.evidence)}`,
    `risks=${oneLine(entry.risks)}`,
    `next=${oneLine(entry.next)}`,
  ].join("\n");
}

export function formatLog(entries: LogEntryText[]): string {
  return entries.map(formatLogEntry).join("\n\n") + (entries.length > 0 ? "\n" : "");
}
