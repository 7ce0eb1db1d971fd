// Spaced re-drill: what was weak comes back at growing intervals. A trigger (a low reviewer
// score, a failed or over-time drill) schedules an item for the next day; each passed re-drill
// moves it to the next interval (1, 3, 7, 14 days), a failed one starts it over, and passing the
// last interval retires it until something triggers it again. Days are the learner's: an item
// is due from the start of its day in their time zone. Pure: computed from the events.
import { addDaysToKey, dayKey, startOfDay } from "../time/zone";

export const INTERVAL_DAYS = [1, 3, 7, 14] as const;
export const REDRILL_KINDS = ["drill", "failure-mode", "exit-ticket"] as const;
export type RedrillKind = (typeof REDRILL_KINDS)[number];

export type RedrillRef = { moduleNumber: number; kind: RedrillKind; ref: string };
export type RedrillTrigger = RedrillRef & { at: Date; reason: string };
export type RedrillOutcome = RedrillRef & { at: Date; passed: boolean };

export type RedrillItem = RedrillRef & {
  key: string;
  /** Index into INTERVAL_DAYS of the interval that led to dueAt. */
  stage: number;
  dueAt: Date;
  retired: boolean;
  reasons: string[];
  results: { at: Date; passed: boolean }[];
};

const redrillKey = (ref: RedrillRef) => `${ref.moduleNumber}:${ref.kind}:${ref.ref}`;

export function parseRedrillKey(key: string): RedrillRef | null {
  const match = new RegExp(`^(\\d+):(${REDRILL_KINDS.join("|")}):([a-z0-9-]+)$`).exec(key);
  return match ? { moduleNumber: Number(match[1]), kind: match[2] as RedrillKind, ref: match[3]! } : null;
}

type Event = { at: Date; order: number; trigger?: RedrillTrigger; outcome?: RedrillOutcome };

/** The start of the learner's day that comes `days` days after the day of a moment. */
const dueAfter = (at: Date, days: number, zone: string) => startOfDay(addDaysToKey(dayKey(at, zone), days), zone);

export function redrillSchedule(triggers: readonly RedrillTrigger[], outcomes: readonly RedrillOutcome[], zone: string): RedrillItem[] {
  const events = new Map<string, Event[]>();
  const add = (ref: RedrillRef, event: Event) => events.set(redrillKey(ref), [...(events.get(redrillKey(ref)) ?? []), event]);
  // A trigger and a result at the same moment: the trigger first, so the result answers it.
  for (const trigger of triggers) add(trigger, { at: trigger.at, order: 0, trigger });
  for (const outcome of outcomes) add(outcome, { at: outcome.at, order: 1, outcome });
  const items: RedrillItem[] = [];
  for (const [key, list] of events) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
    let item: RedrillItem | null = null;
    for (const event of list) {
      if (event.trigger) {
        const { moduleNumber, kind, ref } = event.trigger;
        item ??= { key, moduleNumber, kind, ref, stage: 0, dueAt: event.at, retired: false, reasons: [], results: [] };
        if (!item.reasons.includes(event.trigger.reason)) item.reasons.push(event.trigger.reason);
        item.stage = 0;
        item.retired = false;
        item.dueAt = dueAfter(event.at, INTERVAL_DAYS[0], zone);
      } else if (event.outcome && item && !item.retired) {
        item.results.push({ at: event.at, passed: event.outcome.passed });
        if (!event.outcome.passed) {
          item.stage = 0;
          item.dueAt = dueAfter(event.at, INTERVAL_DAYS[0], zone);
        } else if (item.stage === INTERVAL_DAYS.length - 1) {
          item.retired = true;
        } else {
          item.stage += 1;
          item.dueAt = dueAfter(event.at, INTERVAL_DAYS[item.stage]!, zone);
        }
      }
    }
    if (item) items.push(item);
  }
  return items.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
}

export function isDue(item: RedrillItem, now: Date): boolean {
  return !item.retired && item.dueAt <= now;
}
