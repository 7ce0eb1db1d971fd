// Drill stopwatches against a real SQLite database and the bundled program.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";
import type { Actor } from "../auth/actor";

withTestDatabase("drill-runs-test-");
const { db } = await import("../db");
const { startPacket } = await import("./service");
const { addEvidence } = await import("./evidence");
const { discardDrill, runningDrill, startDrill, stopDrill } = await import("./drill-runs");

let learner: Actor;
let packetId: string;
const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 9, minutes));

beforeAll(async () => {
  const client = await db();
  const ada = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  const learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: ada.id, programSlug: "codex-mastery" } })).id;
  learner = { kind: "learner", userId: ada.id, label: "Ada" };
  packetId = (await startPacket(learner, { learnerId, moduleNumber: 1 })).id;
});

describe("drill stopwatches", () => {
  it("keeps a started stopwatch on the server and refuses a second one", async () => {
    await startDrill(learner, { packetId, drillId: "role-labelling" }, at(0));
    expect(await runningDrill(await db(), packetId)).toMatchObject({ drillId: "role-labelling", startedAt: at(0) });
    await expect(startDrill(learner, { packetId, drillId: "role-labelling" }, at(1))).rejects.toMatchObject({ reason: "timer-running" });
  });

  it("records the attempt with the seconds it ran and books them on the module", async () => {
    const row = await stopDrill(learner, { packetId, reps: 3, passed: "on", title: "Timed labelling" }, at(12));
    expect(row).toMatchObject({
      kind: "drill",
      title: "Timed labelling",
      data: { drillId: "role-labelling", seconds: 720, withinTimebox: true },
    });
    expect(await runningDrill(await db(), packetId)).toBeNull();
    const entries = await (await db()).timeEntry.findMany({ where: { packetId } });
    expect(entries).toEqual([expect.objectContaining({ source: "drill", seconds: 720, moduleNumber: 1, startedAt: at(0) })]);
    await expect(stopDrill(learner, { packetId, reps: 1 }, at(13))).rejects.toMatchObject({ reason: "timer-not-running" });
  });

  it("refuses a drill of another module and discards a stopwatch without recording", async () => {
    await expect(startDrill(learner, { packetId, drillId: "no-such-drill" })).rejects.toMatchObject({
      fieldErrors: { drillId: "unknown drill" },
    });
    await startDrill(learner, { packetId, drillId: "role-labelling" });
    await discardDrill(learner, { packetId });
    expect(await runningDrill(await db(), packetId)).toBeNull();
    expect(await (await db()).timeEntry.count({ where: { packetId } })).toBe(1);
  });
});

describe("evidence versions", () => {
  it("keeps a file's or link's new version in the same item and refuses a version of another kind", async () => {
    const v1 = await addEvidence(learner, packetId, { kind: "link", title: "Pull request", url: "https://example.com/pr/1", artifact: 0 });
    const v2 = await addEvidence(learner, packetId, {
      kind: "link",
      itemKey: v1.itemKey,
      title: "Pull request",
      url: "https://example.com/pr/2",
    });
    expect(v2).toMatchObject({ itemKey: v1.itemKey, version: 2, url: "https://example.com/pr/2" });
    expect(v1.data).toEqual({ artifact: 0 });
    await expect(
      addEvidence(learner, packetId, { kind: "note", itemKey: v1.itemKey, title: "Pull request", body: "text" }),
    ).rejects.toMatchObject({ fieldErrors: { itemKey: "choose a note item" } });
    await expect(addEvidence(learner, packetId, { kind: "note", title: "x", body: "y", artifact: 99 })).rejects.toMatchObject({
      fieldErrors: { artifact: "unknown artifact" },
    });
  });
});
