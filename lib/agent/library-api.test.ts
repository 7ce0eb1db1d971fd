// The library endpoints through their real route handlers and a real SQLite database: patterns
// and playbook entries listed, read, created, updated against the expected version and archived,
// the library zip exported, previewed and imported, each write saved "by agent", and refusals.
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("library-api-test-");
const { db } = await import("../db");
const { createApiToken } = await import("./tokens");
const { createPattern } = await import("../library/patterns");
const patternsRoute = await import("../../app/api/v1/patterns/route");
const patternRoute = await import("../../app/api/v1/patterns/[slug]/route");
const patternArchiveRoute = await import("../../app/api/v1/patterns/[slug]/archive/route");
const entriesRoute = await import("../../app/api/v1/playbook/entries/route");
const entryRoute = await import("../../app/api/v1/playbook/entries/[slug]/route");
const entryArchiveRoute = await import("../../app/api/v1/playbook/entries/[slug]/archive/route");
const exportRoute = await import("../../app/api/v1/library/export/route");
const previewRoute = await import("../../app/api/v1/library/import/preview/route");
const applyRoute = await import("../../app/api/v1/library/import/apply/route");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = { error: { code: string; message: string; fields: Record<string, string> } } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const people: Record<"ada" | "bo", { token: string; userId: string; learnerId: string }> = {} as never;

async function send(
  handler: Handler,
  init: { as?: "ada" | "bo"; method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; params?: Record<string, string>; query?: string },
) {
  const headers: Record<string, string> = { authorization: `Bearer ${people[init.as ?? "ada"].token}`, ...init.headers };
  if (init.json !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`http://127.0.0.1/api/v1/library-test${init.query ?? ""}`, {
    method: init.method ?? (init.json !== undefined || init.body !== undefined ? "POST" : "GET"),
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    body: (type.startsWith("application/json") ? await response.json() : {}) as Json,
    bytes: type.startsWith("application/json") ? null : new Uint8Array(await response.arrayBuffer()),
  };
}

const PATTERN = {
  title: "Budget the context",
  category: "speed",
  tags: ["tokens"],
  problem: "Long sessions lose the early instructions.",
  whenToUse: "A task needs more files than fit at once.",
  howToApply: "Summarise what is done, then drop the raw files.",
  sourceModule: 1,
};
const ENTRY = { title: "Before a long session", kind: "checklist", body: "- [ ] Apply [[budget-the-context]]\n- [ ] Note the plan" };

beforeAll(async () => {
  const client = await db();
  for (const name of ["ada", "bo"] as const) {
    const user = await client.user.create({ data: { name, role: "learner", passphraseHash: "x" } });
    const learner = await client.learner.create({ data: { name, ownerId: user.id, programSlug: "codex-mastery" } });
    people[name] = { userId: user.id, learnerId: learner.id, token: (await createApiToken(user.id, { learnerId: learner.id, name: `${name}-agent` })).secret };
  }
});

describe("patterns", () => {
  it("creates a pattern saved by the agent, then reads and lists it", async () => {
    const created = await send(patternsRoute.POST, { json: PATTERN });
    expect(created.status).toBe(201);
    expect(created.body.pattern).toMatchObject({
      slug: "budget-the-context",
      version: 1,
      tags: ["tokens"],
      sourceModule: 1,
      archived: false,
      actor: { kind: "agent", label: "ada-agent" },
      url: "/patterns/budget-the-context",
    });
    const version = await (await db()).patternVersion.findFirstOrThrow({ where: { pattern: { slug: "budget-the-context", learnerId: people.ada.learnerId } } });
    expect(version).toMatchObject({ actorKind: "agent", actorLabel: "ada-agent" });
    const read = await send(patternRoute.GET, { params: { slug: "budget-the-context" } });
    expect(read.body.pattern).toEqual(created.body.pattern);
    const listed = await send(patternsRoute.GET, { query: "?tag=tokens" });
    expect(listed.body).toMatchObject({ page: 1, pages: 1, total: 1, patterns: [{ slug: "budget-the-context", version: 1, tags: ["tokens"] }] });
    expect((await send(patternsRoute.GET, { query: "?q=instructions" })).body.total).toBe(1);
    expect((await send(patternsRoute.GET, { query: "?category=quality" })).body.total).toBe(0);
  });

  it("updates the fields given over the current text against the expected version; a stale version is a 409 naming it", async () => {
    const updated = await send(patternRoute.POST, { params: { slug: "budget-the-context" }, json: { expectedVersion: 1, whenToUse: "Sessions of hours." } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ changed: true, pattern: { version: 2, whenToUse: "Sessions of hours.", problem: PATTERN.problem, actor: { kind: "agent" } } });
    const stale = await send(patternRoute.POST, { params: { slug: "budget-the-context" }, json: { expectedVersion: 1, whenToUse: "Overwrite." } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "stale-version", fields: { expectedVersion: "the pattern is now version 2" } });
    expect((await send(patternRoute.GET, { params: { slug: "budget-the-context" } })).body.pattern).toMatchObject({ version: 2, whenToUse: "Sessions of hours." });
    const same = await send(patternRoute.POST, { params: { slug: "budget-the-context" }, json: { expectedVersion: 2, whenToUse: "Sessions of hours." } });
    expect(same.body).toMatchObject({ changed: false, pattern: { version: 2 } });
  });

  it("refuses bad bodies with 400 naming each field, and the library's own rules the same way", async () => {
    const shape = await send(patternsRoute.POST, { json: { ...PATTERN, title: 7, colour: "red" } });
    expect(shape.status).toBe(400);
    expect(shape.body.error.fields).toMatchObject({ title: expect.any(String), colour: "unknown field" });
    const rules = await send(patternsRoute.POST, { json: { ...PATTERN, title: "Other", category: "nowhere", problem: "", sourceModule: 99 } });
    expect(rules.status).toBe(400);
    expect(Object.keys(rules.body.error.fields)).toEqual(expect.arrayContaining(["problem"]));
    const context = await send(patternsRoute.POST, { json: { ...PATTERN, title: "Other", category: "nowhere", sourceModule: 99 } });
    expect(context.body.error.fields).toMatchObject({ category: expect.stringContaining("unknown category"), sourceModule: expect.any(String) });
    const taken = await send(patternsRoute.POST, { json: PATTERN });
    expect(taken).toMatchObject({ status: 400, body: { error: { fields: { slug: expect.stringContaining("already used") } } } });
    const noVersion = await send(patternRoute.POST, { params: { slug: "budget-the-context" }, json: { title: "x" } });
    expect(noVersion).toMatchObject({ status: 400, body: { error: { fields: { expectedVersion: expect.any(String) } } } });
    const badQuery = await send(patternsRoute.GET, { query: "?sort=size&page=0" });
    expect(badQuery.status).toBe(400);
    expect(Object.keys(badQuery.body.error.fields).sort()).toEqual(["page", "sort"]);
    const missing = await send(patternRoute.GET, { params: { slug: "no-such-pattern" } });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "not-found", fields: { slug: "no such pattern" } } } });
  });

  it("archives and restores as new versions; archiving an archived pattern is a 409 naming archived", async () => {
    const archived = await send(patternArchiveRoute.POST, { params: { slug: "budget-the-context" }, json: {} });
    expect(archived.body.pattern).toMatchObject({ archived: true, version: 3, actor: { kind: "agent" } });
    const again = await send(patternArchiveRoute.POST, { params: { slug: "budget-the-context" }, json: { archived: true } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "already-archived", fields: { archived: "already archived" } } } });
    expect((await send(patternsRoute.GET, {})).body.total).toBe(0);
    expect((await send(patternsRoute.GET, { query: "?archived=true" })).body.patterns).toMatchObject([{ slug: "budget-the-context" }]);
    expect((await send(patternRoute.GET, { params: { slug: "budget-the-context" } })).body.pattern.archived).toBe(true);
    const restored = await send(patternArchiveRoute.POST, { params: { slug: "budget-the-context" }, json: { archived: false } });
    expect(restored.body.pattern).toMatchObject({ archived: false, version: 4 });
  });

  it("acts for the token's learner only: another learner's token neither sees nor changes the pattern, and a reviewer never writes it", async () => {
    expect((await send(patternRoute.GET, { as: "bo", params: { slug: "budget-the-context" } })).status).toBe(404);
    expect((await send(patternsRoute.GET, { as: "bo" })).body.total).toBe(0);
    const write = await send(patternRoute.POST, { as: "bo", params: { slug: "budget-the-context" }, json: { expectedVersion: 4, title: "Mine now" } });
    expect(write.status).toBe(404);
    expect((await send(patternArchiveRoute.POST, { as: "bo", params: { slug: "budget-the-context" }, json: {} })).status).toBe(404);
    const reviewer = { kind: "reviewer" as const, userId: people.bo.userId, label: "Rex" };
    await expect(createPattern(reviewer, people.ada.learnerId, { ...PATTERN, title: "By a reviewer" })).rejects.toMatchObject({
      code: "forbidden",
      reason: "learner-only",
    });
    const agentOfBo = { kind: "agent" as const, tokenId: "t", learnerId: people.bo.learnerId, label: "bo-agent" };
    await expect(createPattern(agentOfBo, people.ada.learnerId, { ...PATTERN, title: "By another agent" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await send(patternRoute.GET, { params: { slug: "budget-the-context" } })).body.pattern).toMatchObject({ version: 4, title: PATTERN.title });
  });

  it("creates once per Idempotency-Key and replays the first answer", async () => {
    const headers = { "idempotency-key": "create-quarantine-1" };
    const json = { ...PATTERN, title: "Quarantine the flaky test", tags: [] };
    const first = await send(patternsRoute.POST, { json, headers });
    const retry = await send(patternsRoute.POST, { json, headers });
    expect(first.status).toBe(201);
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await (await db()).pattern.count({ where: { learnerId: people.ada.learnerId, slug: "quarantine-the-flaky-test" } })).toBe(1);
    const reused = await send(patternsRoute.POST, { json: { ...json, title: "Another" }, headers });
    expect(reused).toMatchObject({ status: 409, body: { error: { code: "idempotency-key-reused", fields: { "Idempotency-Key": expect.any(String) } } } });
  });
});

describe("playbook entries", () => {
  it("creates, reads, lists, updates against the expected version and archives entries, saved by the agent", async () => {
    const created = await send(entriesRoute.POST, { json: ENTRY });
    expect(created.status).toBe(201);
    expect(created.body.entry).toMatchObject({ slug: "before-a-long-session", kind: "checklist", version: 1, actor: { kind: "agent", label: "ada-agent" } });
    expect((await send(entryRoute.GET, { params: { slug: "before-a-long-session" } })).body.entry).toEqual(created.body.entry);
    expect((await send(entriesRoute.GET, { query: "?kind=checklist" })).body.entries).toMatchObject([{ slug: "before-a-long-session", version: 1 }]);
    expect((await send(entriesRoute.GET, { query: "?kind=scenario" })).body.entries).toEqual([]);
    const updated = await send(entryRoute.POST, { params: { slug: "before-a-long-session" }, json: { expectedVersion: 1, title: "Before a long run" } });
    expect(updated.body).toMatchObject({ changed: true, entry: { version: 2, title: "Before a long run", body: ENTRY.body } });
    const stale = await send(entryRoute.POST, { params: { slug: "before-a-long-session" }, json: { expectedVersion: 1, body: "- [ ] x" } });
    expect(stale).toMatchObject({ status: 409, body: { error: { fields: { expectedVersion: "the entry is now version 2" } } } });
    const archived = await send(entryArchiveRoute.POST, { params: { slug: "before-a-long-session" }, json: {} });
    expect(archived.body.entry).toMatchObject({ archived: true, version: 3 });
    expect((await send(entriesRoute.GET, {})).body.entries).toEqual([]);
    expect((await send(entriesRoute.GET, { query: "?archived=true" })).body.entries).toHaveLength(1);
    const again = await send(entryArchiveRoute.POST, { params: { slug: "before-a-long-session" }, json: { archived: true } });
    expect(again).toMatchObject({ status: 409, body: { error: { fields: { archived: "already archived" } } } });
    const versions = await (await db()).playbookEntryVersion.findMany({ where: { entry: { slug: "before-a-long-session" } } });
    expect(versions.map((v) => v.actorKind)).toEqual(["agent", "agent", "agent"]);
  });

  it("refuses bad bodies naming the field, other learners' entries and unknown slugs", async () => {
    const shape = await send(entriesRoute.POST, { json: { ...ENTRY, kind: "poem", extra: 1 } });
    expect(shape.status).toBe(400);
    expect(shape.body.error.fields).toMatchObject({ kind: expect.any(String), extra: "unknown field" });
    const structure = await send(entriesRoute.POST, { json: { title: "Not a checklist", kind: "checklist", body: "Just prose." } });
    expect(structure).toMatchObject({ status: 400, body: { error: { fields: { body: expect.any(String) } } } });
    expect((await send(entriesRoute.POST, { body: "title=x", headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await send(entryRoute.GET, { as: "bo", params: { slug: "before-a-long-session" } })).status).toBe(404);
    expect((await send(entryRoute.POST, { as: "bo", params: { slug: "before-a-long-session" }, json: { expectedVersion: 3, title: "x" } })).status).toBe(404);
    expect((await send(entryArchiveRoute.POST, { params: { slug: "nowhere" }, json: {} })).status).toBe(404);
  });
});

describe("the library zip", () => {
  let zip: Uint8Array;

  it("exports the token's learner's library as a zip of Markdown files", async () => {
    const answer = await send(exportRoute.GET, {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/zip");
    zip = answer.bytes!;
    const files = Object.keys(unzipSync(zip));
    expect(files).toEqual(expect.arrayContaining(["docs/patterns/speed/budget-the-context.md"]));
    expect(files.some((f) => f.startsWith("docs/playbook/"))).toBe(true);
  });

  it("previews first, then applies with the preview's fingerprint, writing versions saved by the agent", async () => {
    const contentBase64 = Buffer.from(zip).toString("base64");
    const preview = await send(previewRoute.POST, { as: "bo", json: { contentBase64 } });
    expect(preview.status).toBe(200);
    expect(preview.body.plan.problems).toEqual([]);
    expect(preview.body.plan.create.map((i: { slug: string }) => i.slug)).toEqual(expect.arrayContaining(["budget-the-context", "before-a-long-session"]));
    expect(await (await db()).pattern.count({ where: { learnerId: people.bo.learnerId } })).toBe(0);
    const wrong = await send(applyRoute.POST, { as: "bo", json: { contentBase64, fingerprint: "not-the-plan" } });
    expect(wrong).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    const applied = await send(applyRoute.POST, {
      as: "bo",
      json: { contentBase64, fingerprint: preview.body.plan.fingerprint },
      headers: { "idempotency-key": "import-1" },
    });
    expect(applied.status).toBe(200);
    expect(applied.body.result).toMatchObject({ created: preview.body.plan.create.length, updated: 0 });
    const replay = await send(applyRoute.POST, { as: "bo", json: { contentBase64, fingerprint: preview.body.plan.fingerprint }, headers: { "idempotency-key": "import-1" } });
    expect(replay).toMatchObject({ status: 200, body: applied.body });
    const versions = await (await db()).patternVersion.findMany({ where: { pattern: { learnerId: people.bo.learnerId } } });
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((v) => v.actorKind === "agent" && v.actorLabel === "bo-agent")).toBe(true);
    const again = await send(previewRoute.POST, { as: "bo", json: { contentBase64 } });
    expect(again.body.plan.create).toEqual([]);
  });

  it("takes the zip as multipart too, and refuses bad input with a 4xx naming the field", async () => {
    const form = new FormData();
    form.set("file", new Blob([Buffer.from(zip)]), "library.zip");
    const multipart = await send(previewRoute.POST, { as: "bo", body: form });
    expect(multipart.status).toBe(200);
    expect(multipart.body.plan.create).toEqual([]);
    const notBase64 = await send(previewRoute.POST, { json: { contentBase64: "%%%" } });
    expect(notBase64).toMatchObject({ status: 400, body: { error: { fields: { contentBase64: expect.any(String) } } } });
    const noFingerprint = await send(applyRoute.POST, { json: { contentBase64: Buffer.from(zip).toString("base64") } });
    expect(noFingerprint).toMatchObject({ status: 400, body: { error: { fields: { fingerprint: expect.any(String) } } } });
    const broken = Buffer.from("not a zip").toString("base64");
    const brokenPreview = await send(previewRoute.POST, { json: { contentBase64: broken } });
    expect(brokenPreview.status).toBe(200);
    expect(brokenPreview.body.plan.problems).toMatchObject([{ file: "library.zip" }]);
    const brokenApply = await send(applyRoute.POST, { json: { contentBase64: broken, fingerprint: brokenPreview.body.plan.fingerprint } });
    expect(brokenApply).toMatchObject({ status: 400, body: { error: { code: "invalid", fields: { files: expect.stringContaining("library.zip") } } } });
  });
});
