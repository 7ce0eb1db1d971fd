// Days, weeks, time totals and re-drill days at the edges of the zones: UTC−12, UTC+14, and the
// weeks the clocks change in Los Angeles (2026-03-08, a 23-hour day) and Berlin (2026-10-25, 25 hours).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../content/loader";
import { programWeek, weekStart } from "../progress/calendar";
import { pace, type ProgressFacts } from "../progress/metrics";
import { redrillSchedule, type RedrillTrigger } from "../redrill/schedule";
import { effectiveEntries, type TimeRow, timeTotals } from "./aggregate";
import { addDaysToKey, canonicalTimeZone, dayKey, daysBetween, formatMoment, isDayKey, startOfDay, timeZoneNames } from "./zone";

const WEST = "Etc/GMT+12"; // UTC−12 all year (the sign of Etc names is reversed)
const EAST = "Pacific/Kiritimati"; // UTC+14 all year
const LA = "America/Los_Angeles";
const BERLIN = "Europe/Berlin";
const utc = (text: string) => new Date(`${text}Z`);

describe("a person's time zone", () => {
  it("is a known IANA name, kept in its canonical spelling; offsets and unknown names are refused", () => {
    expect(canonicalTimeZone("america/los_angeles")).toBe(LA);
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone(WEST)).toBe(WEST);
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("+05:00")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(timeZoneNames()[0]).toBe("UTC");
    expect(timeZoneNames()).toEqual(expect.arrayContaining([LA, BERLIN, EAST]));
  });

  it("reads days as YYYY-MM-DD calendar days only", () => {
    expect(isDayKey("2026-02-28")).toBe(true);
    expect(isDayKey("2026-02-29")).toBe(false);
    expect(isDayKey("2026-2-28")).toBe(false);
    expect(addDaysToKey("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDaysToKey("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-03-05", "2026-03-12")).toBe(7);
  });
});

describe("day keys", () => {
  it("put one moment on three different days across UTC−12, UTC and UTC+14", () => {
    const moment = utc("2026-03-09T11:30:00");
    expect(dayKey(moment, WEST)).toBe("2026-03-08");
    expect(dayKey(moment, "UTC")).toBe("2026-03-09");
    expect(dayKey(moment, EAST)).toBe("2026-03-10");
  });

  it("agree with the zone's own clock in every zone, around its changes of offset too", () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const clock = (date: Date, zone: string) => {
      if (!formats.has(zone)) formats.set(zone, new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" }));
      return formats.get(zone)!.format(date);
    };
    // Every zone through 2026, at moments 47 hours and a prime number of seconds apart (so they
    // fall at every time of day); then every 7 minutes of six weeks around spring changes.
    for (const zone of timeZoneNames()) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 47 * 3_600_000 + 7_919_000) {
        if (dayKey(new Date(t), zone) !== clock(new Date(t), zone))
          expect(dayKey(new Date(t), zone), `${zone} ${t}`).toBe(clock(new Date(t), zone));
      }
    }
    for (const zone of [LA, "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Asia/Gaza", "Pacific/Apia", "Europe/Dublin"]) {
      for (let t = Date.UTC(2026, 2, 1); t < Date.UTC(2026, 3, 15); t += 7 * 60_000) {
        if (dayKey(new Date(t), zone) !== clock(new Date(t), zone))
          expect(dayKey(new Date(t), zone), `${zone} ${t}`).toBe(clock(new Date(t), zone));
      }
    }
  });

  it("show moments as the zone's own clock does, with its short name, in every zone and around changes", () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const clock = (date: Date, zone: string) => {
      if (!formats.has(zone)) {
        const options = { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit" } as const;
        formats.set(zone, new Intl.DateTimeFormat("en-US", { ...options, hour: "2-digit", minute: "2-digit", timeZoneName: "short" }));
      }
      const p = Object.fromEntries(
        formats
          .get(zone)!
          .formatToParts(date)
          .map((part) => [part.type, part.value]),
      );
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
    };
    const check = (t: number, zone: string) => {
      if (formatMoment(new Date(t), zone) !== clock(new Date(t), zone))
        expect(formatMoment(new Date(t), zone), `${zone} ${t}`).toBe(clock(new Date(t), zone));
    };
    for (const zone of timeZoneNames()) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 97 * 3_600_000 + 7_919_000) check(t, zone);
    }
    for (const zone of [LA, "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Asia/Gaza", "Pacific/Apia", "Europe/Dublin"]) {
      for (let t = Date.UTC(2026, 2, 1); t < Date.UTC(2026, 3, 15); t += 7 * 60_000 + 13_000) check(t, zone);
    }
  });

  it("put Monday 18:00 in UTC−8 on Monday, though it is Tuesday in UTC", () => {
    const monday6pm = utc("2026-02-03T02:00:00"); // Monday 2026-02-02 18:00 PST
    expect(dayKey(monday6pm, LA)).toBe("2026-02-02");
    expect(dayKey(monday6pm, "UTC")).toBe("2026-02-03");
    expect(formatMoment(monday6pm, LA)).toBe("2026-02-02 18:00 PST");
  });

  it("begin at midnight in the zone, on short and long days alike", () => {
    expect(startOfDay("2026-03-09", WEST)).toEqual(utc("2026-03-09T12:00:00"));
    expect(startOfDay("2026-03-09", EAST)).toEqual(utc("2026-03-08T10:00:00"));
    // Los Angeles springs forward at 02:00 on 2026-03-08: the day has 23 hours.
    expect(startOfDay("2026-03-08", LA)).toEqual(utc("2026-03-08T08:00:00"));
    expect(startOfDay("2026-03-09", LA)).toEqual(utc("2026-03-09T07:00:00"));
    // Berlin falls back at 03:00 on 2026-10-25: the day has 25 hours.
    expect(startOfDay("2026-10-25", BERLIN)).toEqual(utc("2026-10-24T22:00:00"));
    expect(startOfDay("2026-10-26", BERLIN)).toEqual(utc("2026-10-25T23:00:00"));
  });

  it("begin when the clocks jump where midnight itself is skipped", () => {
    // Santiago springs forward at midnight on 2026-09-06: the day begins at 01:00.
    const start = startOfDay("2026-09-06", "America/Santiago");
    expect(formatMoment(start, "America/Santiago")).toBe("2026-09-06 01:00 GMT-3");
    expect(dayKey(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
  });

  it("show moments with the zone's short name, before and after a clock change", () => {
    expect(formatMoment(utc("2026-10-25T00:30:00"), BERLIN)).toBe("2026-10-25 02:30 GMT+2");
    expect(formatMoment(utc("2026-10-25T01:30:00"), BERLIN)).toBe("2026-10-25 02:30 GMT+1");
    expect(formatMoment(utc("2026-03-09T11:30:00"), WEST)).toBe("2026-03-08 23:30 GMT-12");
    expect(formatMoment(utc("2026-03-09T11:30:00"), EAST)).toBe("2026-03-10 01:30 GMT+14");
    expect(formatMoment(utc("2026-03-09T11:30:00"), "UTC")).toBe("2026-03-09 11:30 UTC");
  });
});

describe("program weeks", () => {
  it("start on the learner's first day and last seven of their days across a clock change", () => {
    const start = utc("2026-03-05T17:00:00"); // Thursday 09:00 PST
    expect(weekStart(start, 1, LA)).toEqual(utc("2026-03-05T08:00:00"));
    // Week 2 begins Thursday 2026-03-12 at midnight PDT: 167 hours after week 1 began.
    expect(weekStart(start, 2, LA)).toEqual(utc("2026-03-12T07:00:00"));
    expect(programWeek(start, utc("2026-03-12T06:59:59"), LA)).toBe(1);
    expect(programWeek(start, utc("2026-03-12T07:00:00"), LA)).toBe(2);
    // The same moments in UTC: the week turns at UTC midnight instead.
    expect(programWeek(start, utc("2026-03-12T06:59:59"), "UTC")).toBe(2);
  });

  it("count the week from the learner's day, not UTC's, at UTC−12 and UTC+14", () => {
    const start = utc("2026-03-02T11:00:00"); // 2026-03-01 23:00 at UTC−12, 2026-03-03 01:00 at UTC+14
    const later = utc("2026-03-09T00:30:00"); // 2026-03-08 12:30 at UTC−12, 2026-03-09 14:30 at UTC+14
    expect(programWeek(start, later, WEST)).toBe(2);
    expect(programWeek(start, later, EAST)).toBe(1);
    expect(programWeek(start, later, "UTC")).toBe(2);
    expect(weekStart(start, 2, WEST)).toEqual(utc("2026-03-08T12:00:00"));
    expect(weekStart(start, 2, EAST)).toEqual(utc("2026-03-09T10:00:00"));
  });

  it("set the learner's current week and the milestones' due days in pace", () => {
    const program = loadContent(path.resolve("content")).programs.find((p) => p.slug === "codex-mastery")!;
    const facts = (zone: string): ProgressFacts => ({
      now: utc("2026-10-31T22:30:00"), // Saturday 2026-10-31 23:30 CET in Berlin
      zone,
      start: utc("2026-10-24T23:30:00"), // 2026-10-25 01:30 CEST, the day the clocks go back
      completions: [],
      exercisesFinished: [],
      patterns: 0,
      playbookEntries: 0,
      totalSeconds: 0,
      lastActivity: null,
    });
    // Week 2 begins on 2026-11-01 at midnight CET, 169 hours after week 1 began; in UTC it has already begun.
    expect(pace(program.meta.timeline, 8, facts(BERLIN)).currentWeek).toBe(1);
    expect(weekStart(utc("2026-10-24T23:30:00"), 2, BERLIN)).toEqual(utc("2026-10-31T23:00:00"));
    expect(pace(program.meta.timeline, 8, facts("UTC")).currentWeek).toBe(2);
    const due = pace(program.meta.timeline, 8, facts(BERLIN)).milestones[0]!.due!;
    expect(dayKey(due, BERLIN)).toBe(addDaysToKey("2026-10-25", 7 * program.meta.timeline.milestones[0]!.toWeek));
    expect(formatMoment(due, BERLIN)).toMatch(/ 00:00 GMT\+1$/);
  });
});

describe("time per week", () => {
  const row = (id: string, startedAt: string, seconds: number): TimeRow => ({
    id,
    moduleNumber: 1,
    exercise: null,
    source: "timer",
    startedAt: utc(startedAt),
    seconds,
    note: "",
    correctsId: null,
    createdAt: utc(startedAt),
  });

  it("counts an evening's work in the learner's week, whatever day it is in UTC", () => {
    const start = utc("2026-03-02T17:00:00"); // Monday 09:00 PST
    // Sunday 2026-03-08 18:00 PDT (after the change) is 2026-03-09 01:00 UTC: still week 1 in Los Angeles.
    const entries = effectiveEntries([row("a", "2026-03-02T17:00:00", 3600), row("b", "2026-03-09T01:00:00", 1800)]);
    expect(timeTotals(entries, start, LA).byWeek).toEqual([5400]);
    expect(timeTotals(entries, start, "UTC").byWeek).toEqual([3600, 1800]);
  });

  it("splits the weeks at the learner's midnight at UTC−12 and UTC+14", () => {
    const start = utc("2026-03-02T12:00:00"); // 2026-03-02 00:00 at UTC−12; 2026-03-03 02:00 at UTC+14
    const entries = effectiveEntries([row("a", "2026-03-02T12:00:00", 600), row("b", "2026-03-09T11:00:00", 900)]);
    // 2026-03-09 11:00 UTC is 2026-03-08 23:00 at UTC−12 (day 7 of week 1) and 2026-03-10 01:00 at UTC+14 (day 8: week 2).
    expect(timeTotals(entries, start, WEST).byWeek).toEqual([1500]);
    expect(timeTotals(entries, start, EAST).byWeek).toEqual([600, 900]);
  });
});

describe("re-drill days", () => {
  const trigger = (at: string): RedrillTrigger => ({ moduleNumber: 1, kind: "drill", ref: "role-labelling", at: utc(at), reason: "r" });

  it("fall due at the start of the learner's next day", () => {
    const at = "2026-03-09T11:30:00";
    expect(redrillSchedule([trigger(at)], [], WEST)[0]!.dueAt).toEqual(startOfDay("2026-03-09", WEST));
    expect(redrillSchedule([trigger(at)], [], EAST)[0]!.dueAt).toEqual(startOfDay("2026-03-11", EAST));
    expect(redrillSchedule([trigger(at)], [], "UTC")[0]!.dueAt).toEqual(utc("2026-03-10T00:00:00"));
  });

  it("keep whole days across a clock change", () => {
    // Triggered Saturday 2026-03-07 22:00 PST; a pass on Sunday 2026-03-08 comes back 3 days later, on Wednesday at midnight PDT.
    const passed = { moduleNumber: 1, kind: "drill" as const, ref: "role-labelling", at: utc("2026-03-08T17:00:00"), passed: true };
    const [item] = redrillSchedule([trigger("2026-03-08T06:00:00")], [passed], LA);
    expect(item!.dueAt).toEqual(utc("2026-03-11T07:00:00"));
    expect(formatMoment(item!.dueAt, LA)).toBe("2026-03-11 00:00 PDT");
    // In Berlin the day after the 25-hour day begins at midnight CET.
    const [berlin] = redrillSchedule([trigger("2026-10-24T20:00:00")], [], BERLIN);
    expect(formatMoment(berlin!.dueAt, BERLIN)).toBe("2026-10-25 00:00 GMT+2");
    const [after] = redrillSchedule([trigger("2026-10-25T12:00:00")], [], BERLIN);
    expect(formatMoment(after!.dueAt, BERLIN)).toBe("2026-10-26 00:00 GMT+1");
  });
});
