// Plans, revisions and attachments against a real SQLite database and the bundled program.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";
import type { SignedIn } from "../auth/session";
import type { Actor } from "../auth/actor";

withTestDatabase("execplans-test-");
const { db } = await import("../db");
const { createPlan, importPlan, saveRevision, setPlanTerms, attachPlan, detachPlan } = await import("./service");
const { listPlans, readablePlan, packetPlans, planAttachments, attachablePackets, checkedRevision } = await import("./queries");
const { startPacket } = await import("../packets/service");
const { waivePrerequisite } = await import("../reviews/service");

const conforming = readFileSync(path.join(import.meta.dirname, "fixtures", "conforming.md"), "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);

let learnerId: string;
let otherLearnerId: string;
let learner: Actor;
let other: Actor;
let reviewer: Actor;
let signedIn: { learner: SignedIn; other: SignedIn; reviewer: SignedIn };

async function expectRefusal(promise: Promise<unknown>, code: string, reason?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "AppError", code, ...(reason ? { reason } : {}) });
  return error as { message: string; fieldErrors: Record<string, string> };
}

const asSignedIn = (user: { id: string; name: string; role: string }, actor: Actor, learner?: string) =>
  ({
    user,
    asLearner: actor,
    asReviewer: user.role === "reviewer" ? { kind: "reviewer", userId: user.id, label: user.name } : null,
    learnerId: learner,
  }) as SignedIn;

beforeAll(async () => {
  const client = await db();
  const ada = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  const bo = await client.user.create({ data: { name: "Bo", role: "learner", passphraseHash: "x" } });
  const rex = await client.user.create({ data: { name: "Rex", role: "reviewer", passphraseHash: "x" } });
  learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: ada.id, programSlug: "codex-mastery" } })).id;
  otherLearnerId = (await client.learner.create({ data: { name: "Bo", ownerId: bo.id, programSlug: "codex-mastery" } })).id;
  learner = { kind: "learner", userId: ada.id, label: "Ada" };
  other = { kind: "learner", userId: bo.id, label: "Bo" };
  reviewer = { kind: "reviewer", userId: rex.id, label: "Rex" };
  signedIn = {
    learner: asSignedIn(ada, learner, learnerId),
    other: asSignedIn(bo, other, otherLearnerId),
    reviewer: asSignedIn(rex, reviewer),
  };
});

describe("creating plans", () => {
  it("creates a plan from the template as revision 1 with the checker's counts", async () => {
    const { plan, revision, result } = await createPlan(learner, { learnerId, title: "Export invoices" }, new Date("2026-03-04T10:00:00Z"));
    expect(revision).toMatchObject({
      planId: plan.id,
      number: 1,
      source: "template",
      title: "Export invoices",
      status: "draft",
      tasksTotal: 0,
      actorLabel: "Ada",
    });
    expect(revision.body).toContain("Created: 2026-03-04");
    expect(revision.errors).toBe(result.errors);
    expect(result).toMatchObject({ errors: 0, warnings: 0, findings: [], outline: { written: 0, total: 14 } });
    expect(plan.terms).toContain("middleware");
  });

  it("refuses a bad title, someone else's profile and a reviewer", async () => {
    const bad = await expectRefusal(createPlan(learner, { learnerId, title: "{x}" }), "invalid");
    expect(bad.fieldErrors.title).toBe("a title has no braces or line breaks");
    await expectRefusal(createPlan(other, { learnerId, title: "Not mine" }), "forbidden");
    await expectRefusal(createPlan(reviewer, { learnerId, title: "Reviewer plan" }), "forbidden", "learner-only");
    await expectRefusal(createPlan(learner, { learnerId: "nope", title: "Unknown" }), "not-found");
  });

  it("imports an ExecPlan file, conforming or not, and refuses what is not a Markdown text file", async () => {
    const { revision, result } = await importPlan(learner, {
      learnerId,
      fileName: "export-csv.md",
      bytes: bytes(conforming.replace(/\n/g, "\r\n")),
    });
    expect(revision).toMatchObject({
      number: 1,
      source: "import",
      title: "Export an account's invoices as CSV",
      status: "in_progress",
      errors: 0,
      tasksDone: 2,
      tasksTotal: 5,
    });
    expect(revision.body).not.toContain("\r");
    expect(result.findings).toEqual([]);
    const broken = await importPlan(learner, { learnerId, fileName: "notes.txt", bytes: bytes("Just some notes") });
    expect(broken.revision.title).toBe("Untitled plan");
    expect(broken.result.errors).toBeGreaterThan(0);
    expect(
      (await expectRefusal(importPlan(learner, { learnerId, fileName: "plan.pdf", bytes: bytes("x") }), "invalid")).fieldErrors.fileName,
    ).toMatch(/Markdown/);
    expect(
      (await expectRefusal(importPlan(learner, { learnerId, fileName: "plan.md", bytes: new Uint8Array([0xff, 0xfe, 0x00]) }), "invalid"))
        .fieldErrors.file,
    ).toMatch(/UTF-8/);
    expect(
      (await expectRefusal(importPlan(learner, { learnerId, fileName: "plan.md", bytes: bytes(" \n\n") }), "invalid")).fieldErrors.file,
    ).toBe("write the plan");
    expect((await expectRefusal(importPlan(learner, { learnerId, fileName: "plan.md" }), "invalid")).fieldErrors.bytes).toBe(
      "choose a file",
    );
  });
});

describe("saving revisions", () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await importPlan(learner, { learnerId, fileName: "plan.md", bytes: bytes(conforming) })).plan.id;
  });

  it("saves each change as the next revision, checked against the previous one", async () => {
    const text = conforming.replace("next is the CLI flag (1.3).", "next is the CLI flag (1.3).\n- 2026-03-05: started 1.3.");
    const saved = await saveRevision(learner, { planId, body: text, baseRevision: 1 });
    expect(saved.unchanged).toBe(false);
    expect(saved.revision.number).toBe(2);
    expect(saved.result.findings.map((f) => f.rule)).toEqual(["revision-note-not-added"]);
    expect(saved.revision).toMatchObject({ errors: 1, warnings: 0 });
    const again = await saveRevision(learner, { planId, body: text, baseRevision: 2 });
    expect(again).toMatchObject({ unchanged: true, revision: { number: 2 } });
  });

  it("refuses a stale base revision, an empty body and other people", async () => {
    const stale = await expectRefusal(saveRevision(learner, { planId, body: conforming, baseRevision: 1 }), "conflict", "stale-revision");
    expect(stale.message).toContain("Revision 2 was saved since you opened revision 1");
    expect((await expectRefusal(saveRevision(learner, { planId, body: "  \n", baseRevision: 2 }), "invalid")).fieldErrors.body).toBe(
      "write the plan",
    );
    expect(
      (await expectRefusal(saveRevision(learner, { planId, body: "x".repeat(300_001), baseRevision: 2 }), "invalid")).fieldErrors.body,
    ).toMatch(/under 300,000/);
    await expectRefusal(saveRevision(other, { planId, body: conforming, baseRevision: 2 }), "forbidden");
    await expectRefusal(saveRevision(reviewer, { planId, body: conforming, baseRevision: 2 }), "forbidden");
    await expectRefusal(saveRevision(learner, { planId: "nope", body: conforming, baseRevision: 1 }), "not-found");
  });

  it("refuses a revision that removes a Decision Log entry or a revision note, and writes nothing", async () => {
    const latest = (await readablePlan(signedIn.learner, planId)).latest.number;
    const withoutDecision = (await checkedRevision(planId, latest, []))!.text.replace(/- 2026-03-03 — D2:.*\n/, "");
    const refused = await expectRefusal(
      saveRevision(learner, { planId, body: withoutDecision, baseRevision: latest }),
      "refused",
      "decision-log-shrank",
    );
    expect(refused.message).toMatch(/only grow/);
    expect(refused.fieldErrors.body).toMatch(/^Line \d+: Decision Log lost an entry of the previous revision: “2026-03-03 — D2/);
    const withoutNote = (await checkedRevision(planId, latest, []))!.text.replace(
      "- 2026-03-02 — Created the plan from the template.\n",
      "",
    );
    await expectRefusal(saveRevision(learner, { planId, body: withoutNote, baseRevision: latest }), "refused", "revision-notes-shrank");
    expect((await readablePlan(signedIn.learner, planId)).latest.number).toBe(latest);
  });

  it("keeps a word list per plan that the checker uses", async () => {
    await setPlanTerms(learner, { planId, terms: "invoice\n# comment\nCSV" });
    const plan = await readablePlan(signedIn.learner, planId);
    expect(plan.terms).toEqual(["invoice", "CSV"]);
    const checked = (await checkedRevision(planId, plan.latest.number, plan.terms))!;
    expect(checked.result.findings.filter((f) => f.rule === "jargon-undefined").map((f) => f.message)).toEqual([
      expect.stringContaining("“invoice”"),
      expect.stringContaining("“CSV”"),
    ]);
    expect((await expectRefusal(setPlanTerms(learner, { planId, terms: "1234" }), "invalid")).fieldErrors.terms).toMatch(/letter/);
    await expectRefusal(setPlanTerms(reviewer, { planId, terms: "x" }), "forbidden");
  });

  it("lets the owner and reviewers read a plan, and nobody else", async () => {
    expect((await readablePlan(signedIn.reviewer, planId)).owned).toBe(false);
    expect((await readablePlan(signedIn.learner, planId)).owned).toBe(true);
    await expectRefusal(readablePlan(signedIn.other, planId), "not-found");
    await expectRefusal(readablePlan(signedIn.learner, "nope"), "not-found");
    expect((await listPlans(signedIn.other)).length).toBe(0);
    const mine = await listPlans(signedIn.learner);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine[0]!.id).toBe(planId);
    expect((await listPlans(signedIn.reviewer)).length).toBe(mine.length);
  });
});

describe("attaching plans to packets", () => {
  let planId: string;
  let packetId: string;
  beforeAll(async () => {
    planId = (await importPlan(learner, { learnerId, fileName: "plan.md", bytes: bytes(conforming) })).plan.id;
    for (const prerequisite of [1, 2, 3, 4]) {
      await waivePrerequisite(reviewer, { learnerId, moduleNumber: 5, prerequisite, reason: "Tested in the plan attachment suite" });
    }
  });

  it("refuses a packet that is not started", async () => {
    const client = await db();
    const pending = await client.packet.create({ data: { learnerId, moduleNumber: 6, status: "pending" } });
    await expectRefusal(attachPlan(learner, { planId, packetId: pending.id }), "refused", "illegal-transition");
  });

  it("attaches the latest revision with a plan-log entry, refuses it twice, and pins a newer revision", async () => {
    packetId = (await startPacket(learner, { learnerId, moduleNumber: 5 })).id;
    expect((await attachablePackets(learnerId)).map((p) => p.id)).toContain(packetId);
    const attached = await attachPlan(learner, { planId, packetId });
    expect(attached.revision.number).toBe(1);
    await expectRefusal(attachPlan(learner, { planId, packetId }), "refused", "already-attached");
    const [shown] = await packetPlans(packetId);
    expect(shown).toMatchObject({ planId, pinned: { number: 1 }, latestNumber: 1 });
    expect(shown!.result.progress.phases).toEqual([
      { phase: "M1", done: 2, total: 3, percent: 66 },
      { phase: "M2", done: 0, total: 2, percent: 0 },
    ]);

    const done = conforming
      .replace("| in_progress |                                  |", "| completed   | commit 9a1b2c3                   |")
      .replace("- 2026-03-04 — Marked 1.1", "- 2026-03-05 — Completed 1.3.\n- 2026-03-04 — Marked 1.1");
    await saveRevision(learner, { planId, body: done, baseRevision: 1 });
    expect((await packetPlans(packetId))[0]).toMatchObject({ pinned: { number: 1 }, latestNumber: 2 });
    await attachPlan(learner, { planId, packetId });
    const [pinned] = await packetPlans(packetId);
    expect(pinned).toMatchObject({ pinned: { number: 2 }, latestNumber: 2 });
    expect(pinned!.result.progress.phases[0]).toEqual({ phase: "M1", done: 3, total: 3, percent: 100 });
    const log = await (await db()).planLogEntry.findMany({ where: { learnerId, moduleNumber: 5 }, orderBy: { createdAt: "asc" } });
    expect(log.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        `Attached ExecPlan "Export an account's invoices as CSV" (revision 1)`,
        `Pinned revision 2 of ExecPlan "Export an account's invoices as CSV"`,
      ]),
    );
    expect((await planAttachments(planId)).map((a) => a.packet.moduleNumber)).toEqual([5]);
  });

  it("refuses another learner's packet, other people and a reviewer", async () => {
    const othersPlan = (await createPlan(other, { learnerId: otherLearnerId, title: "Bo's plan" })).plan.id;
    await expectRefusal(attachPlan(other, { planId: othersPlan, packetId }), "forbidden");
    await expectRefusal(attachPlan(other, { planId, packetId }), "forbidden");
    await expectRefusal(attachPlan(reviewer, { planId, packetId }), "forbidden");
    await expectRefusal(attachPlan(learner, { planId, packetId: "nope" }), "not-found");
    expect((await expectRefusal(attachPlan(learner, { planId, packetId: "" }), "invalid")).fieldErrors.packetId).toBe("choose a packet");
  });

  it("detaches with a new row, keeping the history", async () => {
    await detachPlan(learner, { planId, packetId });
    expect(await packetPlans(packetId)).toEqual([]);
    await expectRefusal(detachPlan(learner, { planId, packetId }), "refused", "not-attached");
    expect(await (await db()).execPlanAttachment.count({ where: { planId } })).toBe(3);
  });

  it("refuses to rewrite or delete revisions and attachments in the database itself", async () => {
    const client = await db();
    for (const table of ["ExecPlanRevision", "ExecPlanAttachment"]) {
      await expect(client.$executeRawUnsafe(`UPDATE "${table}" SET "actorLabel" = 'x' WHERE "planId" = '${planId}'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(client.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "planId" = '${planId}'`)).rejects.toThrow(/append-only/);
    }
    expect(await client.execPlanRevision.count({ where: { planId } })).toBe(2);
  });
});
