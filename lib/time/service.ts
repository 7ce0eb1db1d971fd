// Time tracking in the database: one running timer per learner (on a module's packet or one of
// its exercises) that survives reloads and restarts, and append-only time entries: stopping the
// timer or adding time by hand appends one, and a correction appends a replacement.
import { z } from "zod";
import { moduleByNumber } from "../content";
import { db, transaction } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { type LearnerState, learnerStateFor } from "../packets/service";
import { dayKey, isDayKey, startOfDay } from "./zone";
import type { Actor } from "../auth/actor";

export const MAX_ENTRY_MINUTES = 24 * 60;

/** The module (and exercise, if any) time is booked on; the field names match the forms. */
function target(state: LearnerState, moduleNumber: number, exercise: string | null) {
  const mod = moduleByNumber(state.program, moduleNumber);
  if (!mod) throw new AppError("invalid", `The program has no module ${moduleNumber}.`, { moduleNumber: "choose a module of the program" });
  if (exercise && !mod.exercises.some((e) => e.slug === exercise)) {
    throw new AppError("invalid", `Module ${moduleNumber} has no exercise “${exercise}”.`, {
      exercise: "choose an exercise of this module",
    });
  }
  return { moduleNumber, exercise, packetId: state.current.get(moduleNumber)?.id ?? null };
}

const TargetSchema = z.object({
  learnerId: z.string().min(1),
  moduleNumber: z.coerce.number({ error: "choose a module" }).int("choose a module").positive("choose a module"),
  exercise: z
    .string()
    .regex(/^[a-z0-9-]*$/, "choose an exercise of this module")
    .optional()
    .transform((v) => v || null),
});

export async function startTimer(actor: Actor, input: z.input<typeof TargetSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = TargetSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The timer was not started: some fields need attention.");
  const { learnerId, moduleNumber, exercise } = parsed.data;
  try {
    return await transaction(async (tx) => {
      const state = await learnerStateFor(tx, actor, learnerId);
      const running = await tx.runningTimer.findUnique({ where: { learnerId } });
      if (running) throw runningRefusal(running);
      return tx.runningTimer.create({ data: { learnerId, ...target(state, moduleNumber, exercise), startedAt: now } });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("refused", "A timer is already running: stop it before starting another.", {}, "timer-running");
    throw error;
  }
}

function runningRefusal(running: { moduleNumber: number; exercise: string | null }) {
  const on = running.exercise ? `exercise ${running.exercise} of module ${running.moduleNumber}` : `module ${running.moduleNumber}`;
  return new AppError("refused", `A timer is already running on ${on}: stop it before starting another.`, {}, "timer-running");
}

const StopSchema = z.object({
  learnerId: z.string().min(1),
  timerId: z.string().optional(),
  note: z.string().trim().max(500, "keep the note under 500 characters").default(""),
});

/** Stops the running timer (the one named, when a page names it) and appends its time entry. */
export async function stopTimer(actor: Actor, input: z.input<typeof StopSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = StopSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The timer was not stopped: some fields need attention.");
  const { learnerId, timerId, note } = parsed.data;
  return transaction(async (tx) => {
    await learnerStateFor(tx, actor, learnerId);
    const running = await tx.runningTimer.findUnique({ where: { learnerId } });
    if (!running || (timerId && running.id !== timerId)) {
      throw new AppError(
        "refused",
        "No timer is running: it was already stopped. Reload to see the recorded time.",
        {},
        "timer-not-running",
      );
    }
    await tx.runningTimer.delete({ where: { id: running.id } });
    const seconds = Math.max(1, Math.round((now.getTime() - running.startedAt.getTime()) / 1000));
    return tx.timeEntry.create({
      data: {
        learnerId,
        packetId: running.packetId,
        moduleNumber: running.moduleNumber,
        exercise: running.exercise,
        source: "timer",
        startedAt: running.startedAt,
        seconds,
        note,
        createdAt: now,
      },
    });
  });
}

const minutes = (min: number) =>
  z.coerce
    .number({ error: "enter the minutes as a number" })
    .int("enter whole minutes")
    .min(min, min === 0 ? "minutes cannot be negative" : "enter at least 1 minute")
    .max(MAX_ENTRY_MINUTES, `one entry is at most ${MAX_ENTRY_MINUTES} minutes (a day)`);

const day = z
  .string({ error: "enter the day (YYYY-MM-DD)" })
  .trim()
  .min(1, "enter the day (YYYY-MM-DD)")
  .refine(isDayKey, "enter a real day as YYYY-MM-DD");

const ManualSchema = TargetSchema.extend({
  date: day,
  minutes: minutes(1),
  note: z.string().trim().max(500, "keep the note under 500 characters").default(""),
});

/** The first moment of a day of the learner's, which must have begun. */
function dayBegun(day: string, zone: string, now: Date): Date {
  const date = startOfDay(day, zone);
  if (date.getTime() > now.getTime())
    throw new AppError("invalid", "Time cannot be added for a day that has not come yet.", { date: "the day is in the future" });
  return date;
}

/** Adds time worked without the timer, at the start of the day in the learner's time zone. */
export async function addTimeEntry(actor: Actor, input: z.input<typeof ManualSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = ManualSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The time was not added: some fields need attention.");
  const { learnerId, moduleNumber, exercise, date, minutes: count, note } = parsed.data;
  return transaction(async (tx) => {
    const state = await learnerStateFor(tx, actor, learnerId);
    const startedAt = dayBegun(date, state.zone, now);
    return tx.timeEntry.create({
      data: { learnerId, ...target(state, moduleNumber, exercise), source: "manual", startedAt, seconds: count * 60, note, createdAt: now },
    });
  });
}

const CorrectionSchema = ManualSchema.extend({
  entryId: z.string({ error: "choose the entry to correct" }).min(1, "choose the entry to correct"),
  minutes: minutes(0),
  note: z
    .string({ error: "say why the time changes" })
    .trim()
    .min(3, "say why the time changes")
    .max(500, "keep the note under 500 characters"),
});

/** Replaces an entry's module, day and minutes with a new row; 0 minutes takes its time out. The original stays. */
export async function correctTimeEntry(actor: Actor, input: z.input<typeof CorrectionSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = CorrectionSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The correction was not saved: some fields need attention.");
  const { learnerId, entryId, moduleNumber, exercise, date, minutes: count, note } = parsed.data;
  return transaction(async (tx) => {
    const state = await learnerStateFor(tx, actor, learnerId);
    const day = dayBegun(date, state.zone, now);
    const entry = await tx.timeEntry.findUnique({ where: { id: entryId } });
    if (!entry || entry.learnerId !== learnerId)
      throw new AppError("not-found", "There is no such time entry to correct.", { entryId: "unknown entry" });
    const original = entry.correctsId ?? entry.id;
    const sameDay = dayKey(entry.startedAt, state.zone) === date;
    return tx.timeEntry.create({
      data: {
        learnerId,
        ...target(state, moduleNumber, exercise),
        source: "correction",
        startedAt: sameDay ? entry.startedAt : day,
        seconds: count * 60,
        note,
        correctsId: original,
        createdAt: now,
      },
    });
  });
}

export async function runningTimerOf(learnerId: string) {
  return (await db()).runningTimer.findUnique({ where: { learnerId } });
}
