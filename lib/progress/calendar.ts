// Days and program weeks in UTC: week 1 starts on the day of the learner's first activity.
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The program week (1, 2, …) a moment falls in; anything before the start counts as week 1. */
export function programWeek(start: Date, date: Date): number {
  return Math.max(1, Math.floor((date.getTime() - startOfUtcDay(start).getTime()) / WEEK_MS) + 1);
}

/** The first day of a program week. */
export function weekStart(start: Date, week: number): Date {
  return addDays(startOfUtcDay(start), (week - 1) * 7);
}

/** `YYYY-MM-DD` of a moment, in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses a `YYYY-MM-DD` day as UTC midnight, or null when it is not a real calendar day. */
export function parseIsoDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || isoDate(date) !== text ? null : date;
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
