// The learner snapshot against a real database: what follows from the rows is kept while the
// learner's stamp is unchanged, every kind of write the snapshot reads changes the stamp, and
// what follows from the moment is worked out on every call.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("snapshot-test-");
const { db } = await import("../db");
const { learnerStamp, rowsHeld } = await import("./learner-stamp");
const { learnerSnapshot } = await import("./snapshot");

let learnerId: string;
let otherLearnerId: string;
let packetId: string;
const by = { actorKind: "learner" as const, actorId: "someone", actorLabel: "Ada" };
const logEntry = async (learnerId: string) =>
  (await db()).planLogEntry.create({
    data: {
      learnerId,
      moduleNumber: 1,
      status: "in_progress",
      summary: "s",
      evidence: "",
      risks: "",
      next: "",
      actorKind: "learner",
      actorLabel: "Ada",
    },
  });

beforeAll(async () => {
  const client = await db();
  const user = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: user.id, programSlug: "codex-mastery" } })).id;
  const other = await client.user.create({ data: { name: "Bo", role: "learner", passphraseHash: "x" } });
  otherLearnerId = (await client.learner.create({ data: { name: "Bo", ownerId: other.id, programSlug: "codex-mastery" } })).id;
  packetId = (await client.packet.create({ data: { learnerId, moduleNumber: 1, status: "in_progress", startedAt: new Date() } })).id;
});

describe("learnerSnapshot", () => {
  it("keeps what follows from the rows while nothing changed, and works out the moment's parts on every call", async () => {
    const first = await learnerSnapshot(learnerId, new Date("2026-03-01T10:00:00Z"));
    const again = await learnerSnapshot(learnerId, new Date("2026-04-01T10:00:00Z"));
    expect(again.packets).toBe(first.packets);
    expect(again.standings).toBe(first.standings);
    expect(again.now.toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(again.facts.now).toBe(again.now);
    expect(again.pace).not.toBe(first.pace);
  });

  it("shows a write at once", async () => {
    const client = await db();
    const before = await learnerSnapshot(learnerId);
    await client.pattern.create({
      data: {
        learnerId,
        slug: "shown-at-once",
        version: 1,
        title: "Shown",
        category: "speed",
        problem: "p",
        whenToUse: "w",
        howToApply: "h",
      },
    });
    const after = await learnerSnapshot(learnerId);
    expect(after.library.patterns).toBe(before.library.patterns + 1);
    await client.packet.updateMany({ where: { id: packetId }, data: { status: "review_required", submittedAt: new Date() } });
    expect((await learnerSnapshot(learnerId)).current.get(1)?.status).toBe("review_required");
  });

  it("counts the learner's plan-log entries, a new one at once, another learner's not", async () => {
    const client = await db();
    const before = (await learnerSnapshot(learnerId)).log.entries;
    expect(before).toBe(await client.planLogEntry.count({ where: { learnerId } }));
    await logEntry(learnerId);
    await logEntry(otherLearnerId);
    expect((await learnerSnapshot(learnerId)).log.entries).toBe(before + 1);
  });
});

describe("learnerStamp", () => {
  const writes: [string, () => Promise<unknown>][] = [
    [
      "evidence",
      async () => (await db()).evidence.create({ data: { packetId, itemKey: "notes", version: 1, kind: "note", title: "Notes", ...by } }),
    ],
    ["a completion proof", async () => (await db()).completionProof.create({ data: { packetId, data: {}, ...by } })],
    [
      "a review",
      async () =>
        (await db()).review.create({
          data: { packetId, reviewerId: "r", reviewerName: "Rae", verdict: "accept", scores: {}, evidenceSeen: [] },
        }),
    ],
    [
      "a comment and its resolution",
      async () => {
        const client = await db();
        const comment = await client.reviewComment.create({
          data: { packetId, evidenceItemKey: "notes", body: "Why?", authorId: "r", authorName: "Rae" },
        });
        const stamp = await learnerStamp(learnerId);
        await client.commentResolution.create({ data: { commentId: comment.id, note: "Because." } });
        expect(await learnerStamp(learnerId)).not.toBe(stamp);
      },
    ],
    [
      "a time entry",
      async () =>
        (await db()).timeEntry.create({ data: { learnerId, moduleNumber: 1, source: "manual", startedAt: new Date(), seconds: 60 } }),
    ],
    ["a timer started", async () => (await db()).runningTimer.create({ data: { learnerId, moduleNumber: 1 } })],
    ["a timer stopped", async () => (await db()).runningTimer.delete({ where: { learnerId } })],
    [
      "a re-drill result",
      async () =>
        (await db()).redrillResult.create({
          data: { learnerId, moduleNumber: 1, itemKind: "drill", itemRef: "d", passed: true, dueAt: new Date() },
        }),
    ],
    [
      "an indicator mark",
      async () => (await db()).indicatorMark.create({ data: { learnerId, kind: "qualitative", item: "i", checked: true } }),
    ],
    ["a plan-log entry", () => logEntry(learnerId)],
    [
      "a prerequisite waived",
      async () =>
        (await db()).prerequisiteWaiver.create({ data: { learnerId, moduleNumber: 2, prerequisite: 1, reason: "r", reviewerId: "r" } }),
    ],
    [
      "a playbook entry",
      async () =>
        (await db()).playbookEntry.create({ data: { learnerId, slug: "e", version: 1, kind: "principle", title: "E", body: "b" } }),
    ],
    ["a pattern archived", async () => (await db()).pattern.updateMany({ where: { learnerId }, data: { archived: true } })],
    ["a packet moved", async () => (await db()).packet.updateMany({ where: { id: packetId }, data: { status: "completed" } })],
    ["a new attempt", async () => (await db()).packet.create({ data: { learnerId, moduleNumber: 1, attempt: 2, status: "in_progress" } })],
  ];

  it.each(writes)("changes with %s", async (_, write) => {
    const stamp = await learnerStamp(learnerId);
    await write();
    expect(await learnerStamp(learnerId)).not.toBe(stamp);
  });

  it("does not change with another learner's writes", async () => {
    const stamp = await learnerStamp(learnerId);
    const client = await db();
    await logEntry(otherLearnerId);
    await client.packet.create({ data: { learnerId: otherLearnerId, moduleNumber: 1, status: "in_progress" } });
    expect(await learnerStamp(learnerId)).toBe(stamp);
  });

  it("weighs a learner's kept snapshot by the rows it holds one by one", async () => {
    // One each of evidence, proof, review, comment, time entry, re-drill result and indicator mark
    // from the writes above, and one for the rest.
    expect(rowsHeld(await learnerStamp(learnerId))).toBe(8);
  });
});
