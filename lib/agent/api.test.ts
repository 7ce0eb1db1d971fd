// The API wrapper through real route handlers and a real SQLite database: token auth, strict
// parsing, limits, and idempotent writes committed together with their stored answer.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("api-test-");
const { db } = await import("../db");
const { createApiToken, revokeApiToken } = await import("./tokens");
const { canonicalJson, onceForKey, requestFingerprint } = await import("./idempotency");
const { defineEndpoint } = await import("./endpoint");
const { handle } = await import("./handler");
const { addEvidence } = await import("../packets/evidence");
const evidenceRoute = await import("../../app/api/v1/modules/[module]/evidence/route");
const drillsRoute = await import("../../app/api/v1/modules/[module]/drills/route");
const startRoute = await import("../../app/api/v1/modules/[module]/start/route");
const logRoute = await import("../../app/api/v1/log/route");
const reviewRoute = await import("../../app/api/v1/packets/[id]/review/route");
const rescoreRoute = await import("../../app/api/v1/packets/[id]/rescore/route");
const packetsRoute = await import("../../app/api/v1/packets/route");
const playbookExportRoute = await import("../../app/api/v1/playbook/export/route");
const statusReportRoute = await import("../../app/api/v1/reports/status/route");
const searchRoute = await import("../../app/api/v1/search/route");
const { createPattern } = await import("../library/patterns");
const { createEntry } = await import("../library/playbook");

let token: string;
let userId: string;
let learnerId: string;
let packetId: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send(
  handler: Handler,
  init: {
    method?: string;
    body?: BodyInit;
    json?: unknown;
    headers?: Record<string, string>;
    params?: Record<string, string>;
    query?: string;
  },
) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...init.headers };
  if (init.json !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`http://127.0.0.1/api/v1/test${init.query ?? ""}`, {
    method: init.method ?? "POST",
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? { module: "1" }) });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { error: { code: string; fields: Record<string, string> } } & Record<string, unknown>,
  };
}

const evidenceCount = async () => (await db()).evidence.count({ where: { packetId } });

beforeAll(async () => {
  const client = await db();
  const user = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  userId = user.id;
  learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: user.id, programSlug: "codex-mastery" } })).id;
  token = (await createApiToken(userId, { learnerId, name: "ci-agent" })).secret;
  const started = await send(startRoute.POST, { json: {} });
  expect(started.status).toBe(200);
  packetId = (await client.packet.findFirstOrThrow({ where: { learnerId } })).id;
});

describe("authentication", () => {
  it("acts as the token's learner, recorded as an agent", async () => {
    const answer = await send(packetsRoute.GET, { method: "GET" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ learner: { id: learnerId, via: "token" } });
    const entry = await (await db()).planLogEntry.findFirstOrThrow({ where: { learnerId } });
    expect(entry.actorLabel).toBe("agent:ci-agent");
  });

  it("refuses a malformed header, an unknown token and a revoked one with 401", async () => {
    for (const authorization of ["Basic abc", "Bearer", `Bearer mastery_${"x".repeat(43)}`]) {
      const answer = await send(packetsRoute.GET, { method: "GET", headers: { authorization } });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const { token: row, secret } = await createApiToken(userId, { learnerId, name: "short-lived" });
    await revokeApiToken(userId, row.id);
    const answer = await send(packetsRoute.GET, { method: "GET", headers: { authorization: `Bearer ${secret}` } });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: "token-revoked" } } });
  });

  it("answers 403 to a token on the accept, reject and rescore endpoints", async () => {
    const scores = { correctness: 5, speed: 5, resilience: 5, judgment: 5, maintainability: 5, collaboration: 5 };
    for (const [handler, json] of [
      [reviewRoute.POST, { verdict: "accept", scores }],
      [reviewRoute.POST, { verdict: "reject", scores, feedback: "- redo it all please" }],
      [rescoreRoute.POST, { scores, note: "scores were too low" }],
    ] as const) {
      const answer = await send(handler, { json, params: { id: packetId } });
      expect(answer).toMatchObject({ status: 403, body: { error: { code: "reviewer-only" } } });
    }
  });
});

describe("request parsing", () => {
  it("refuses unknown fields and wrong types, naming each field", async () => {
    const answer = await send(evidenceRoute.POST, { json: { kind: "note", title: 42, body: "b", colour: "red" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "invalid", fields: { title: expect.any(String), colour: "unknown field" } });
    const drill = await send(drillsRoute.POST, { json: { drillId: "role-labelling", reps: "3", seconds: 60, passed: "yes" } });
    expect(Object.keys(drill.body.error.fields)).toEqual(expect.arrayContaining(["reps", "passed"]));
  });

  it("refuses other content types with 415 and bodies over the limit with 413", async () => {
    expect((await send(logRoute.POST, { body: "module=1", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(
      415,
    );
    const big = await send(logRoute.POST, { json: { module: 1, summary: "x".repeat(1_100_000) } });
    expect(big).toMatchObject({ status: 413, body: { error: { code: "too-large" } } });
  });

  it("accepts a file as multipart, and refuses extra parts", async () => {
    const form = new FormData();
    form.set("title", "Validation log");
    form.set("file", new Blob(["validate.sh: ok\n"], { type: "text/plain" }), "validate.log");
    const answer = await send(evidenceRoute.POST, { body: form });
    expect(answer).toMatchObject({ status: 201, body: { evidence: { kind: "file", fileName: "validate.log", fileSize: 16 } } });
    form.set("colour", "red");
    expect((await send(evidenceRoute.POST, { body: form })).body.error.fields).toMatchObject({ colour: "unknown field" });
  });

  it("accepts a base64 file in JSON", async () => {
    const answer = await send(evidenceRoute.POST, {
      json: { kind: "file", title: "Trace", fileName: "trace.txt", contentBase64: Buffer.from("user: hi\n").toString("base64") },
    });
    expect(answer).toMatchObject({ status: 201, body: { evidence: { fileName: "trace.txt", fileSize: 9 } } });
  });
});

describe("the plan log", () => {
  type LogAnswer = { entries: { id: string; summary: string }[]; next: string | null; previous: string | null };
  const read = async (query: string) =>
    (await send(logRoute.GET, { method: "GET", query })) as unknown as {
      status: number;
      body: LogAnswer & { error: { fields: Record<string, string> } };
    };

  it("answers a page at a time, oldest first, with cursors to the pages on either side", async () => {
    for (let i = 0; i < 5; i++) expect((await send(logRoute.POST, { json: { module: 1, summary: `paging note ${i}` } })).status).toBe(201);
    const all = (await read("")).body;
    expect(all.next).toBeNull();
    expect(all.previous).toBeNull();
    const first = (await read("?limit=2")).body;
    expect(first.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 2).map((e) => e.id));
    expect(first.previous).toBeNull();
    const seen = [...first.entries];
    let page = first;
    while (page.next) {
      page = (await read(`?limit=2&after=${page.next}`)).body;
      expect(page.previous).not.toBeNull();
      seen.push(...page.entries);
    }
    expect(seen.map((e) => e.id)).toEqual(all.entries.map((e) => e.id));
    const back = (await read(`?limit=2&before=${page.previous}`)).body;
    expect(back.entries.map((e) => e.id)).toEqual(seen.slice(-page.entries.length - 2, -page.entries.length).map((e) => e.id));
    expect((await read("?module=1&status=in_progress&limit=1000")).body.entries.length).toBe(all.entries.length);
  });

  it("refuses a bad limit or cursor with 400 naming the field", async () => {
    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=1001", "limit"],
      ["?limit=ten", "limit"],
      ["?after=garbage", "after"],
      ["?before=12-a%20b", "before"],
      ["?after=1-a&before=2-b", "before"],
    ] as const) {
      const answer = await read(query);
      expect(answer.status, query).toBe(400);
      expect(Object.keys(answer.body.error.fields), query).toContain(field);
    }
  });
});

describe("idempotent writes", () => {
  const note = { kind: "note", title: "Session trace", body: "user: fix the test" };

  it("answers a retry with the same key from the first request, writing once", async () => {
    const before = await evidenceCount();
    const first = await send(evidenceRoute.POST, { json: note, headers: { "idempotency-key": "upload-1" } });
    const retry = await send(evidenceRoute.POST, {
      json: { body: note.body, title: note.title, kind: "note" },
      headers: { "idempotency-key": "upload-1" },
    });
    expect(first.status).toBe(201);
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await evidenceCount()).toBe(before + 1);
  });

  it("answers retries sent while the first request still runs with the answer the write produced", async () => {
    const before = await evidenceCount();
    const headers = { "idempotency-key": "upload-at-once" };
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(evidenceRoute.POST, { json: note, headers })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(5);
    expect(await evidenceCount()).toBe(before + 1);
  });

  it("refuses the same key with a different body", async () => {
    const answer = await send(evidenceRoute.POST, {
      json: { ...note, body: "something else" },
      headers: { "idempotency-key": "upload-1" },
    });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: "idempotency-key-reused" } } });
  });

  it("does not keep the key of a refused request, so it can be retried", async () => {
    const key = { "idempotency-key": "drill-1" };
    expect(
      (await send(drillsRoute.POST, { json: { drillId: "no-such-drill", reps: 1, seconds: 60, passed: true }, headers: key })).status,
    ).toBe(400);
    expect(
      (await send(drillsRoute.POST, { json: { drillId: "role-labelling", reps: 3, seconds: 600, passed: true }, headers: key })).status,
    ).toBe(201);
  });

  it("refuses a malformed key", async () => {
    const answer = await send(evidenceRoute.POST, { json: note, headers: { "idempotency-key": "has spaces in it" } });
    expect(answer).toMatchObject({ status: 400, body: { error: { fields: { "Idempotency-Key": expect.any(String) } } } });
  });

  it("stores the answer in the same transaction as the write: a failure after the write leaves nothing", async () => {
    const before = await evidenceCount();
    const scope = { learnerId, key: "crash-1", method: "POST", path: "/x", fingerprint: "f" };
    const actor = { kind: "agent" as const, tokenId: "t", learnerId, label: "ci-agent" };
    const failing = onceForKey(scope, async () => {
      await addEvidence(actor, packetId, note);
      throw new Error("crash after the write");
    });
    await expect(failing).rejects.toThrow("crash after the write");
    expect(await evidenceCount()).toBe(before);
    expect(await (await db()).idempotentRequest.count({ where: { key: "crash-1" } })).toBe(0);
  });

  it("fingerprints requests by content, not by key order or file name of the bytes", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    const bytes = new TextEncoder().encode("same");
    expect(requestFingerprint({ method: "POST", path: "/p", input: { a: 1, f: bytes } })).toBe(
      requestFingerprint({ method: "POST", path: "/p", input: { f: new TextEncoder().encode("same"), a: 1 } }),
    );
    expect(requestFingerprint({ method: "POST", path: "/p", input: { a: 1 } })).not.toBe(
      requestFingerprint({ method: "POST", path: "/q", input: { a: 1 } }),
    );
  });
});

describe("document answers", () => {
  it("serves a handler's text with the endpoint's media type", async () => {
    const spec = defineEndpoint({
      method: "GET",
      path: "/api/v1/example/export",
      operationId: "exampleExport",
      tag: "Exports",
      summary: "An example document",
      auth: "learner",
      answer: { mediaType: "text/markdown", description: "Markdown." },
    });
    const route = handle(spec, async ({ caller }) => `# ${caller.learner.name}\n`);
    const response = await route(new Request("http://127.0.0.1/api/v1/example/export", { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await response.text()).toBe("# Ada\n");
  });
});

describe("exports", () => {
  it("answers the playbook with the patterns it links as Markdown, as the token's learner", async () => {
    const actor = { kind: "learner" as const, userId, label: "Ada" };
    await createPattern(actor, learnerId, {
      title: "Budget the context",
      category: "speed",
      problem: "Context fills up.",
      whenToUse: "Long sessions.",
      howToApply: "Trim reads.",
    });
    await createEntry(actor, learnerId, { title: "Before a long session", kind: "checklist", body: "- [ ] Apply [[budget-the-context]]" });
    const response = await playbookExportRoute.GET(
      new Request("http://127.0.0.1/api/v1/playbook/export", { headers: { authorization: `Bearer ${token}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("Before a long session");
    expect(text).toContain("Budget the context");
  });

  it("answers the status-update report from live state as Markdown", async () => {
    const response = await statusReportRoute.GET(
      new Request("http://127.0.0.1/api/v1/reports/status", { headers: { authorization: `Bearer ${token}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await response.text()).toMatch(/Status Update \(\d{4}-\d{2}-\d{2}\)/);
  });
});

describe("search", () => {
  it("finds the token's learner's own patterns beside the program's content, and refuses an unknown token", async () => {
    const actor = { kind: "learner" as const, userId, label: "Ada" };
    await createPattern(actor, learnerId, {
      title: "Quarantine the flaky test",
      category: "quality",
      problem: "A flaky test.",
      whenToUse: "Red builds.",
      howToApply: "Move it aside.",
    });
    const search = (headers: Record<string, string>) =>
      searchRoute.GET(new Request("http://127.0.0.1/api/v1/search?q=quarantine", { headers }), { params: Promise.resolve({}) });
    const withToken = (await (await search({ authorization: `Bearer ${token}` })).json()) as { results: { kind: string; title: string }[] };
    expect(withToken.results).toContainEqual(expect.objectContaining({ kind: "pattern", title: "Quarantine the flaky test" }));
    expect(withToken.results).toContainEqual(expect.objectContaining({ kind: "module" }));
    expect((await search({ authorization: "Bearer mastery_unknown" })).status).toBe(401);
  });
});
