// Program weeks in the learner's time zone: week 1 starts on the day of the learner's first
// activity, and every week is seven of their calendar days (167 or 169 hours across a clock change).
import { addDaysToKey, DAY_MS, dayKey, daysBetween, startOfDay } from "../time/zone";

export const WEEK_MS = 7 * DAY_MS;

/** The program week (1, 2, …) a moment falls in; anything before the start counts as week 1. */
export function programWeek(start: Date, date: Date, zone: string): number {
  return Math.max(1, Math.floor(daysBetween(dayKey(start, zone), dayKey(date, zone)) / 7) + 1);
}

/** The first moment of a program week. */
export function weekStart(start: Date, week: number, zone: string): Date {
  return startOfDay(addDaysToKey(dayKey(start, zone), (week - 1) * 7), zone);
}

/** A duration for people: `2 h 05 min`, `12 min` or `40 s`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${whole} s`;
}

/** Hours with one decimal, for metrics and charts. */
export function hoursOf(seconds: number): number {
  return Math.round((seconds / 3600) * 10) / 10;
}
