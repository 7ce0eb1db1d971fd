// Days and clock times as they fall in a person's time zone (an IANA name such as
// America/Los_Angeles), computed with Intl alone. Moments are stored and compared in UTC; a day
// is a `YYYY-MM-DD` key, which begins at the first moment of that date in the zone.
const UTC = "UTC";

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

/** The zone's canonical name (`america/los_angeles` → `America/Los_Angeles`), or null when it is no IANA zone. */
export function canonicalTimeZone(name: string): string | null {
  // An offset such as +05:00 is not a zone: it has no daylight-saving rules.
  if (!/^[A-Za-z]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone a person can choose, UTC first. */
export function timeZoneNames(): string[] {
  return [UTC, ...Intl.supportedValuesOf("timeZone").filter((name) => name !== UTC)];
}

/** The zone of the machine the app runs on. */
export function systemTimeZone(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? UTC) ?? UTC;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    });
    formatters.set(zone, format);
  }
  return format;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number; zoneName: string };

/** The date and time a clock in the zone shows at a moment, and the zone's short name then (PST, GMT+1). */
function wallClock(date: Date, zone: string): WallClock {
  const parts = Object.fromEntries(
    wallClockFormat(zone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    zoneName: parts.timeZoneName ?? zone,
  };
}

/** What a zone is at a moment: how far its clock is ahead of UTC, in milliseconds, and its short name then. */
type ZoneAt = { offset: number; name: string };

/** The zone at a moment, read off its clock. */
function readZoneAt(date: Date, zone: string): ZoneAt {
  const c = wallClock(date, zone);
  const wholeSecond = Math.floor(date.getTime() / 1000) * 1000;
  return { offset: Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - wholeSecond, name: c.zoneName };
}

// Reading a clock through Intl costs microseconds, and a page works out hundreds of days and
// moments: the zone of each quarter hour is kept once read, when it holds from the quarter's first
// moment to its last (a zone changes its offset on a quarter hour; a change inside one is read
// each time).
const QUARTER_HOUR_MS = 15 * 60_000;
const MOST_QUARTERS_KEPT = 100_000;
const quarters = new Map<string, ZoneAt>();

function zoneAt(date: Date, zone: string): ZoneAt {
  const quarter = Math.floor(date.getTime() / QUARTER_HOUR_MS);
  const key = `${zone} ${quarter}`;
  const kept = quarters.get(key);
  if (kept) return kept;
  const first = readZoneAt(new Date(quarter * QUARTER_HOUR_MS), zone);
  const last = readZoneAt(new Date((quarter + 1) * QUARTER_HOUR_MS - 1), zone);
  if (first.offset !== last.offset || first.name !== last.name) return readZoneAt(date, zone);
  if (quarters.size >= MOST_QUARTERS_KEPT) quarters.clear();
  quarters.set(key, first);
  return first;
}

/** The zone's clock at a moment, to the second, as `YYYY-MM-DDTHH:MM:SS`. */
function clockText(date: Date, zone: ZoneAt): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000 + zone.offset).toISOString().slice(0, 19);
}

/** The day (`YYYY-MM-DD`) a moment falls on in the zone. */
export function dayKey(date: Date, zone: string): string {
  return clockText(date, zoneAt(date, zone)).slice(0, 10);
}

/** Whether the text is a real calendar day written `YYYY-MM-DD`. */
export function isDayKey(text: string): boolean {
  const match = DAY_KEY.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number(match[1]) >= 1 && date.toISOString().slice(0, 10) === text;
}

/** Midnight UTC of a day key: the day as a calendar date, for counting days. */
function utcMidnight(day: string): number {
  const match = DAY_KEY.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The day `days` calendar days after (or before) a day. */
export function addDaysToKey(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from one day to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/**
 * The first moment of a day in the zone: its midnight, or, where the clocks skip midnight for
 * daylight saving, the moment they jump to.
 */
export function startOfDay(day: string, zone: string): Date {
  const midnight = utcMidnight(day);
  // Midnight read with each offset in force around it; the earliest that lands on the day is its start.
  const offsets = [midnight - DAY_MS, midnight, midnight + DAY_MS].map((t) => zoneAt(new Date(t), zone).offset);
  offsets.push(zoneAt(new Date(midnight - offsets[1]!), zone).offset);
  const starts = offsets.map((offset) => midnight - offset).filter((t) => dayKey(new Date(t), zone) === day);
  // A day the zone skipped altogether (Pacific/Apia, 2011-12-30) begins where the next one does.
  return starts.length > 0 ? new Date(Math.min(...starts)) : startOfDay(addDaysToKey(day, 1), zone);
}

/** The first moment of the day a moment falls on in the zone. */
export function startOfDayAt(date: Date, zone: string): Date {
  return startOfDay(dayKey(date, zone), zone);
}

/** A moment for people: `2026-03-09 18:00 PDT` in the zone, with the zone's short name. */
export function formatMoment(date: Date, zone: string): string {
  const at = zoneAt(date, zone);
  const clock = clockText(date, at);
  return `${clock.slice(0, 10)} ${clock.slice(11, 16)} ${at.name}`;
}
