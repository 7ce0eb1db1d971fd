// Recording re-drills against a real SQLite database: only due items, only by the learner, each
// result a new row that moves the schedule; plus the checklist marks kept as history.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";
import type { Actor } from "../auth/actor";

withTestDatabase("redrill-test-");
const { db } = await import("../db");
const { recordRedrill } = await import("./service");
const { markIndicator } = await import("../progress/indicators");
const { learnerSnapshot } = await import("../progress/snapshot");

const REVIEWED = new Date("2026-04-01T10:00:00Z");
const at = (days: number) => new Date(REVIEWED.getTime() + days * 86_400_000);
const ITEM = "1:drill:role-labelling";
let learnerId: string;
let ada: Actor;
const rex: Actor = { kind: "reviewer", userId: "u-rex", label: "Rex" };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "AppError" });
  return error as { code: string; reason?: string; fieldErrors: Record<string, string> };
}

beforeAll(async () => {
  const client = await db();
  const user = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  ada = { kind: "learner", userId: user.id, label: "Ada" };
  learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: user.id, programSlug: "codex-mastery" } })).id;
  const packet = await client.packet.create({
    data: { learnerId, moduleNumber: 1, status: "completed", startedAt: at(-5), completedAt: REVIEWED },
  });
  const scores = { correctness: 4, speed: 3, resilience: 4, judgment: 4, maintainability: 5, collaboration: 4 };
  await client.review.create({ data: { packetId: packet.id, reviewerId: "u-rex", reviewerName: "Rex", verdict: "accept", scores, evidenceSeen: [], createdAt: REVIEWED } });
});

describe("recording re-drills", () => {
  it("schedules the low dimension's drills for the next day, shown as the next step once due", async () => {
    const before = await learnerSnapshot(learnerId, at(0.5));
    expect(before.redrill.items.map((i) => i.key)).toContain(ITEM);
    expect(before.redrill.due).toEqual([]);
    const after = await learnerSnapshot(learnerId, at(1));
    expect(after.next).toMatchObject({ kind: "redrill", moduleNumber: 1 });
  });

  it("refuses an item that is not due yet, not scheduled, or a reviewer recording it", async () => {
    expect(await refusal(recordRedrill(ada, { learnerId, item: ITEM, outcome: "pass" }, at(0.5)))).toMatchObject({
      code: "refused",
      reason: "not-due",
    });
    expect(await refusal(recordRedrill(ada, { learnerId, item: "1:drill:forced-restart", outcome: "pass" }, at(2)))).toMatchObject({
      reason: "not-scheduled",
    });
    expect(await refusal(recordRedrill(rex, { learnerId, item: ITEM, outcome: "pass" }, at(2)))).toMatchObject({ code: "forbidden" });
    expect((await refusal(recordRedrill(ada, { learnerId, item: ITEM }, at(2)))).fieldErrors).toEqual({
      outcome: "say whether the re-drill went well",
    });
  });

  it("moves a passed item to the next interval and a failed one back to tomorrow", async () => {
    await recordRedrill(ada, { learnerId, item: ITEM, outcome: "pass", note: "clean" }, at(1));
    let item = (await learnerSnapshot(learnerId, at(1))).redrill.items.find((i) => i.key === ITEM)!;
    expect(item.stage).toBe(1);
    expect(await refusal(recordRedrill(ada, { learnerId, item: ITEM, outcome: "pass" }, at(2)))).toMatchObject({ reason: "not-due" });
    const result = await recordRedrill(ada, { learnerId, item: ITEM, outcome: "fail" }, at(5));
    expect(result.dueAt.getTime()).toBeLessThanOrEqual(at(5).getTime());
    item = (await learnerSnapshot(learnerId, at(5))).redrill.items.find((i) => i.key === ITEM)!;
    expect(item).toMatchObject({ stage: 0 });
    expect(item.results.map((r) => r.passed)).toEqual([true, false]);
  });
});

describe("checklist marks", () => {
  it("asks for a note to tick, keeps every change, and refuses an unknown item or no change", async () => {
    const item = "Systematic approach to debugging";
    expect((await refusal(markIndicator(ada, { learnerId, kind: "behavioral", item, checked: true, note: "" }))).fieldErrors).toEqual({
      note: "say what shows it: an example, a packet or a link",
    });
    await markIndicator(ada, { learnerId, kind: "behavioral", item, checked: true, note: "Bisected a flaky test" });
    expect(
      await refusal(markIndicator(ada, { learnerId, kind: "behavioral", item, checked: true, note: "Bisected a flaky test" })),
    ).toMatchObject({ reason: "unchanged" });
    await markIndicator(ada, { learnerId, kind: "behavioral", item, checked: false, note: "" });
    expect(
      await refusal(markIndicator(ada, { learnerId, kind: "behavioral", item: "Writes poetry", checked: true, note: "yes" })),
    ).toMatchObject({ code: "invalid" });
    expect(await refusal(markIndicator(rex, { learnerId, kind: "behavioral", item, checked: true, note: "seen it" }))).toMatchObject({
      code: "forbidden",
    });
    const state = (await learnerSnapshot(learnerId)).indicators.find((i) => i.item === item)!;
    expect(state).toMatchObject({ checked: false, kind: "behavioral" });
    expect(state.history.map((h) => h.checked)).toEqual([false, true]);
  });
});
