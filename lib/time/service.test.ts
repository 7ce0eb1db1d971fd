// The timer and time entries against a real SQLite database: one running timer that survives a
// new connection, refusals with field errors, and corrections as new rows.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";
import type { Actor } from "../auth/actor";

withTestDatabase("time-test-");
const { connection, db } = await import("../db");
const { startTimer, stopTimer, addTimeEntry, correctTimeEntry, runningTimerOf } = await import("./service");
const { effectiveEntries, timeTotals } = await import("./aggregate");

let learnerId: string;
let ada: Actor;
let bo: Actor;
const rex: Actor = { kind: "reviewer", userId: "rex", label: "Rex" };
const NOW = new Date("2026-06-10T12:00:00Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "AppError" });
  return error as { code: string; reason?: string; message: string; fieldErrors: Record<string, string> };
}

beforeAll(async () => {
  const client = await db();
  const adaUser = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  const boUser = await client.user.create({ data: { name: "Bo", role: "learner", passphraseHash: "x" } });
  learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: adaUser.id, programSlug: "codex-mastery" } })).id;
  ada = { kind: "learner", userId: adaUser.id, label: "Ada" };
  bo = { kind: "learner", userId: boUser.id, label: "Bo" };
});

describe("the timer", () => {
  it("runs on an exercise, refuses a second one, and is still there for a new connection", async () => {
    const timer = await startTimer(ada, { learnerId, moduleNumber: 1, exercise: "tool-schema" }, NOW);
    expect(timer).toMatchObject({ moduleNumber: 1, exercise: "tool-schema", packetId: null });
    expect(await refusal(startTimer(ada, { learnerId, moduleNumber: 2 }, NOW))).toMatchObject({
      code: "refused",
      reason: "timer-running",
    });
    await (await connection()).$disconnect();
    expect((await runningTimerOf(learnerId))?.id).toBe(timer.id);
  });

  it("only the learner starts or stops it", async () => {
    expect(await refusal(stopTimer(bo, { learnerId }, later(60)))).toMatchObject({ code: "forbidden" });
    expect(await refusal(stopTimer(rex, { learnerId }, later(60)))).toMatchObject({ code: "forbidden" });
  });

  it("stops into a time entry, and refuses to stop again", async () => {
    const running = await runningTimerOf(learnerId);
    const entry = await stopTimer(ada, { learnerId, timerId: running!.id }, later(95));
    expect(entry).toMatchObject({ source: "timer", seconds: 95, moduleNumber: 1, exercise: "tool-schema" });
    expect(await refusal(stopTimer(ada, { learnerId, timerId: running!.id }, later(100)))).toMatchObject({
      code: "refused",
      reason: "timer-not-running",
    });
    expect(await refusal(stopTimer(ada, { learnerId }, later(100)))).toMatchObject({ reason: "timer-not-running" });
  });

  it("refuses an unknown module or exercise with the field to fix", async () => {
    expect((await refusal(startTimer(ada, { learnerId, moduleNumber: 42 }))).fieldErrors).toEqual({
      moduleNumber: "choose a module of the program",
    });
    expect((await refusal(startTimer(ada, { learnerId, moduleNumber: 1, exercise: "no-such" }))).fieldErrors).toEqual({
      exercise: "choose an exercise of this module",
    });
  });
});

describe("time added and corrected by hand", () => {
  it("names each bad field", async () => {
    const bad = await refusal(addTimeEntry(ada, { learnerId, moduleNumber: 1, date: "2026-02-30", minutes: "0" }, NOW));
    expect(bad.fieldErrors).toEqual({ date: "enter a real day as YYYY-MM-DD", minutes: "enter at least 1 minute" });
    expect(
      (await refusal(addTimeEntry(ada, { learnerId, moduleNumber: 1, date: "2026-06-09", minutes: "1441" }, NOW))).fieldErrors,
    ).toEqual({
      minutes: "one entry is at most 1440 minutes (a day)",
    });
    expect((await refusal(addTimeEntry(ada, { learnerId, moduleNumber: 1, date: "2026-06-11", minutes: "30" }, NOW))).fieldErrors).toEqual({
      date: "the day is in the future",
    });
    expect((await refusal(addTimeEntry(ada, { learnerId, moduleNumber: "x", date: "", minutes: "abc" }, NOW))).fieldErrors).toMatchObject({
      moduleNumber: "choose a module",
      date: "enter the day (YYYY-MM-DD)",
      minutes: "enter the minutes as a number",
    });
  });

  it("adds time, then corrects it with new rows that leave the original in place", async () => {
    const added = await addTimeEntry(
      ada,
      { learnerId, moduleNumber: 2, date: "2026-06-08", minutes: "90", note: "read the concepts" },
      NOW,
    );
    expect(added).toMatchObject({ source: "manual", seconds: 5400, startedAt: new Date("2026-06-08T00:00:00Z") });
    expect(
      (await refusal(correctTimeEntry(ada, { learnerId, entryId: added.id, moduleNumber: 2, date: "2026-06-08", minutes: "60" }, NOW)))
        .fieldErrors,
    ).toEqual({
      note: "say why the time changes",
    });
    const first = await correctTimeEntry(
      ada,
      { learnerId, entryId: added.id, moduleNumber: 2, date: "2026-06-08", minutes: "60", note: "double counted" },
      NOW,
    );
    const second = await correctTimeEntry(
      ada,
      { learnerId, entryId: first.id, moduleNumber: 3, date: "2026-06-07", minutes: "45", note: "it was module 3" },
      NOW,
    );
    expect(second.correctsId).toBe(added.id);
    const rows = await (await db()).timeEntry.findMany({ where: { learnerId } });
    expect(rows).toHaveLength(4);
    const totals = timeTotals(effectiveEntries(rows), new Date("2026-06-07T00:00:00Z"), "UTC");
    expect(totals.totalSeconds).toBe(95 + 45 * 60);
    expect(totals.byModule.get(2)).toBeUndefined();
    expect(totals.byModule.get(3)).toBe(2700);
  });

  it("refuses to correct another learner's entry", async () => {
    const client = await db();
    const boLearner = await client.learner.create({
      data: { name: "Bo", ownerId: (bo as { userId: string }).userId, programSlug: "codex-mastery" },
    });
    const theirs = await addTimeEntry(bo, { learnerId: boLearner.id, moduleNumber: 1, date: "2026-06-09", minutes: "10" }, NOW);
    expect(
      await refusal(
        correctTimeEntry(ada, { learnerId, entryId: theirs.id, moduleNumber: 1, date: "2026-06-09", minutes: "5", note: "not mine" }, NOW),
      ),
    ).toMatchObject({
      code: "not-found",
    });
    expect(
      await refusal(
        correctTimeEntry(
          ada,
          { learnerId: boLearner.id, entryId: theirs.id, moduleNumber: 1, date: "2026-06-09", minutes: "5", note: "not mine" },
          NOW,
        ),
      ),
    ).toMatchObject({
      code: "forbidden",
    });
  });
});

describe("days in the learner's time zone", () => {
  async function learnerIn(name: string, timeZone: string) {
    const client = await db();
    const user = await client.user.create({ data: { name, role: "learner", passphraseHash: "x", timeZone } });
    const learner = await client.learner.create({ data: { name, ownerId: user.id, programSlug: "codex-mastery" } });
    return { learnerId: learner.id, actor: { kind: "learner", userId: user.id, label: name } as Actor };
  }

  it("books time added by hand at the start of the learner's day, and takes a day as begun when it has begun there", async () => {
    // NOW, 2026-06-10 12:00 UTC, is already 2026-06-11 02:00 at UTC+14 and only just 2026-06-10 00:00 at UTC−12.
    const east = await learnerIn("Kiri", "Pacific/Kiritimati");
    const added = await addTimeEntry(east.actor, { learnerId: east.learnerId, moduleNumber: 1, date: "2026-06-11", minutes: "30" }, NOW);
    expect(added.startedAt).toEqual(new Date("2026-06-10T10:00:00Z"));
    const west = await learnerIn("Baker", "Etc/GMT+12");
    const begun = await addTimeEntry(west.actor, { learnerId: west.learnerId, moduleNumber: 1, date: "2026-06-10", minutes: "5" }, NOW);
    expect(begun.startedAt).toEqual(NOW);
    expect(
      (await refusal(addTimeEntry(west.actor, { learnerId: west.learnerId, moduleNumber: 1, date: "2026-06-11", minutes: "5" }, NOW)))
        .fieldErrors,
    ).toEqual({ date: "the day is in the future" });
  });

  it("keeps a timer entry's start when a correction names the day it started on in the learner's zone", async () => {
    const la = await learnerIn("Lou", "America/Los_Angeles");
    // Monday 2026-06-08 18:00 PDT is Tuesday 01:00 UTC.
    await startTimer(la.actor, { learnerId: la.learnerId, moduleNumber: 1 }, new Date("2026-06-09T01:00:00Z"));
    const entry = await stopTimer(la.actor, { learnerId: la.learnerId }, new Date("2026-06-09T02:00:00Z"));
    const fixed = await correctTimeEntry(
      la.actor,
      { learnerId: la.learnerId, entryId: entry.id, moduleNumber: 2, date: "2026-06-08", minutes: "50", note: "it was module 2" },
      NOW,
    );
    expect(fixed.startedAt).toEqual(entry.startedAt);
    const moved = await correctTimeEntry(
      la.actor,
      { learnerId: la.learnerId, entryId: entry.id, moduleNumber: 2, date: "2026-06-09", minutes: "50", note: "on Tuesday after all" },
      NOW,
    );
    expect(moved.startedAt).toEqual(new Date("2026-06-09T07:00:00Z"));
  });
});
