// Malformed, oversized and wrong-typed requests to every endpoint of the OpenAPI document: never
// a 5xx, always a JSON error naming the problem, and not one row written. Then addresses and
// bodies no endpoint or page can take: malformed percent-encoding, bodies over the ceiling and
// server-action bodies nested too deep.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { MAX_REQUEST_BYTES } from "../lib/security/body-limits";
import { REVIEWER, signIn } from "./people";
import { createToken, expect, rowCounts, test } from "./agent-server";

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: { "application/json": { example?: Record<string, unknown> } } };
  security: unknown[];
  "x-max-body-bytes"?: number;
};
type Case = {
  name: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status?: number;
  field?: string;
};

const FUZZER = { name: "Fay Fuzzer", passphrase: "fay-passphrase-1" };

test.describe.configure({ mode: "serial", timeout: 180_000 });

let token = "";
let packetId = "";

test("a learner with a started packet to aim at", async ({ browser, request }) => {
  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto("/people");
  const add = reviewer.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Name").fill(FUZZER.name);
  await add.getByLabel("Passphrase").fill(FUZZER.passphrase);
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("status")).toContainText(`Added ${FUZZER.name}`);
  token = await createToken(await signIn(browser, FUZZER), "fuzzer");
  const headers = { authorization: `Bearer ${token}` };
  expect((await request.post("/api/v1/modules/1/start", { headers, data: {} })).status()).toBe(200);
  expect(
    (await request.post("/api/v1/modules/1/evidence", { headers, data: { kind: "note", title: "Trace", body: "user: hi" } })).status(),
  ).toBe(201);
  packetId = ((await (await request.get("/api/v1/modules/1/packet", { headers })).json()) as { packet: { packetId: string } }).packet
    .packetId;
  const target = { title: "Fuzz target", category: "speed", problem: "p", whenToUse: "w", howToApply: "h" };
  expect((await request.post("/api/v1/patterns", { headers, data: target })).status()).toBe(201);
  expect(
    (await request.post("/api/v1/playbook/entries", { headers, data: { title: "Fuzz target", kind: "scenario", body: "b" } })).status(),
  ).toBe(201);
});

/** The slug of the pattern and the playbook entry the library endpoints aim at. */
const SLUG = "fuzz-target";

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return "not a number";
  if (typeof value === "boolean") return "yes";
  return "not an object";
}

/** Requests refused by a rule after the shape is right: they reach the domain's transaction. */
const REFUSED_BY_RULES: Record<string, { body: unknown; module?: string; status: number }[]> = {
  startModule: [
    { body: {}, module: "2", status: 409 },
    { body: {}, status: 409 },
  ],
  addEvidence: [
    { body: { kind: "note", title: "t", body: "b", itemKey: "no-such-item" }, status: 404 },
    { body: { kind: "link", title: "t", url: "ftp://example.com/x" }, status: 400 },
    { body: { kind: "exercise", title: "t", exercise: "no-such-exercise", body: "b" }, status: 400 },
    { body: { kind: "file", title: "t", fileName: "empty.txt", contentBase64: "" }, status: 400 },
    { body: { kind: "note", title: "t", body: "b" }, module: "3", status: 409 },
  ],
  recordDrill: [
    { body: { drillId: "no-such-drill", reps: 1, seconds: 60, passed: true }, status: 400 },
    { body: { drillId: "role-labelling", reps: -1, seconds: 60, passed: true }, status: 400 },
    { body: { drillId: "role-labelling", reps: 1, seconds: 0, passed: true }, status: 400 },
  ],
  answerExitTicket: [{ body: { question: 2, answer: "   " }, status: 400 }],
  submitModule: [{ body: "example", status: 400 }],
  blockModule: [{ body: { reason: "ab" }, status: 400 }],
  unblockModule: [{ body: {}, status: 409 }],
  appendLog: [
    { body: { module: 99, summary: "a note" }, status: 404 },
    { body: { module: 1, summary: "" }, status: 400 },
  ],
  createPattern: [
    { body: { title: "Fuzz target", category: "speed", problem: "p", whenToUse: "w", howToApply: "h" }, status: 400 },
    { body: { title: "t", category: "nowhere", problem: "p", whenToUse: "w", howToApply: "h" }, status: 400 },
    { body: { title: "t", category: "speed", problem: "", whenToUse: "w", howToApply: "h" }, status: 400 },
    { body: { title: "t", category: "speed", problem: "p", whenToUse: "w", howToApply: "h", sourceModule: 99 }, status: 400 },
    { body: { title: "new", category: "speed", problem: "p", whenToUse: "w", howToApply: "h" }, status: 400 },
  ],
  updatePattern: [
    { body: { expectedVersion: 9, whenToUse: "stale" }, status: 409 },
    { body: { expectedVersion: 1, category: "nowhere" }, status: 400 },
  ],
  archivePattern: [{ body: { archived: false }, status: 409 }],
  createEntry: [
    { body: { title: "Fuzz target", kind: "scenario", body: "b" }, status: 400 },
    { body: { title: "t", kind: "checklist", body: "prose, not a checklist" }, status: 400 },
  ],
  updateEntry: [{ body: { expectedVersion: 9, body: "stale" }, status: 409 }],
  archiveEntry: [{ body: { archived: false }, status: 409 }],
  applyLibraryImport: [{ body: { contentBase64: "bm90IGEgemlw", fingerprint: "f" }, status: 400 }],
};

function casesFor(method: string, route: string, op: Operation): Case[] {
  const url = (module = "1", slug = SLUG) =>
    route.replace("{module}", module).replace("{id}", packetId).replace("{slug}", slug).replace("{program}", "codex-mastery");
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, "content-type": "application/json" };
  const cases: Case[] = [];
  const add = (c: Omit<Case, "method" | "url"> & { url?: string }) => cases.push({ method, url: url(), headers: auth, ...c });
  const learnerOnly = op.security.length > 0 && JSON.stringify(op.security).includes("bearerToken");
  const reviewerOnly = op.security.length > 0 && !learnerOnly;
  if (op.security.length > 0) {
    add({ name: "no credentials", headers: {}, status: 401 });
    add({ name: "a made-up token", headers: { authorization: "Bearer mastery_made-up" }, status: reviewerOnly ? 403 : 401 });
    add({ name: "not a bearer token", headers: { authorization: "Basic YTpi" }, status: reviewerOnly ? 403 : 401 });
  }
  if (reviewerOnly) {
    add({ name: "the learner's token on a reviewer endpoint", headers: json, body: JSON.stringify({}), status: 403 });
    return cases;
  }
  const example = op.requestBody?.content["application/json"].example ?? {};
  if (route.includes("{module}")) {
    for (const value of ["0", "abc", "1.5", "100", "-1", "1e0", "%20"])
      add({ name: `module ${value}`, url: url(value), status: 400, field: "module" });
    const body = method === "POST" ? { headers: json, body: JSON.stringify(example) } : {};
    add({ name: "a module the program does not have", url: url("99"), status: 404, ...body });
  }
  if (route.includes("{slug}")) {
    add({ name: "a slug too long", url: url("1", "x".repeat(201)), status: 400, field: "slug" });
    const body = method === "POST" ? { headers: json, body: JSON.stringify(example) } : {};
    add({ name: "a slug the learner does not have", url: url("1", "no-such-item"), status: 404, field: "slug", ...body });
  }
  add({ name: "an unknown query parameter", url: `${url()}?colour=red`, status: 400, field: "colour" });
  for (const param of (op.parameters ?? []).filter((p) => p.in === "query")) {
    const bad: Record<string, string> = {
      module: "abc",
      status: "nope",
      limit: "0",
      q: "x".repeat(201),
      page: "0",
      sort: "size",
      archived: "yes",
      kind: "poem",
      category: "x".repeat(61),
      tag: "x".repeat(61),
    };
    add({ name: `a bad ${param.name}`, url: `${url()}?${param.name}=${bad[param.name] ?? "%00"}`, status: 400, field: param.name });
    add({ name: `${param.name} twice`, url: `${url()}?${param.name}=1&${param.name}=2`, status: 400, field: param.name });
  }
  if (method !== "POST") return cases;
  const withBody = (name: string, body: string | Buffer, extra: Partial<Case> = {}) => add({ name, headers: json, body, ...extra });
  withBody("malformed JSON", '{"title": "a', { status: 400, field: "body" });
  withBody("not UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { status: 400, field: "body" });
  for (const value of ["[]", '"text"', "null", "42", "true"]) withBody(`the JSON value ${value}`, value, { status: 400 });
  withBody("deeply nested JSON", "[".repeat(5000) + "]".repeat(5000), { status: 400 });
  withBody("an unknown field", JSON.stringify({ ...example, zzUnknown: 1 }), { status: 400, field: "zzUnknown" });
  for (const [key, value] of Object.entries(example)) {
    withBody(`a wrong type for ${key}`, JSON.stringify({ ...example, [key]: wrongTypeOf(value) }), { status: 400, field: key });
  }
  withBody("an oversized body", JSON.stringify({ pad: "x".repeat(op["x-max-body-bytes"]!) }), { status: 413, field: "body" });
  add({ name: "plain text", headers: { ...auth, "content-type": "text/plain" }, body: JSON.stringify(example), status: 415 });
  add({
    name: "a malformed idempotency key",
    headers: { ...json, "idempotency-key": "has spaces" },
    body: JSON.stringify({ ...example, zzUnknown: 1 }),
    status: 400,
  });
  for (const refused of REFUSED_BY_RULES[op.operationId] ?? []) {
    cases.push({
      name: `refused by a rule: ${JSON.stringify(refused.body).slice(0, 60)}`,
      method,
      url: url(refused.module),
      headers: json,
      body: JSON.stringify(refused.body === "example" ? example : refused.body),
      status: refused.status,
    });
  }
  return cases;
}

async function send(request: APIRequestContext, c: Case): Promise<APIResponse> {
  return request.fetch(c.url, { method: c.method, headers: c.headers, data: c.body, maxRedirects: 0 });
}

test("every endpoint answers bad requests with a 4xx JSON error and writes nothing", async ({ agentServer, playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, Operation>> };
  const before = rowCounts(agentServer, FUZZER.name);
  const problems: string[] = [];
  let sent = 0;
  for (const [route, operations] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      for (const c of casesFor(method.toUpperCase(), route, op)) {
        sent++;
        const response = await send(request, c);
        const label = `${c.method} ${c.url.slice(0, 80)} with ${c.name}`;
        const status = response.status();
        const body = (await response.json().catch(() => null)) as {
          error?: { code?: unknown; message?: unknown; fields?: Record<string, string> };
        } | null;
        if (status >= 500) problems.push(`${label}: ${status}`);
        else if (c.status !== undefined && status !== c.status)
          problems.push(`${label}: ${status}, expected ${c.status} (${JSON.stringify(body)})`);
        else if (typeof body?.error?.code !== "string" || typeof body.error.message !== "string" || body.error.message === "")
          problems.push(`${label}: no JSON error`);
        else if (c.field && !Object.keys(body.error.fields ?? {}).some((f) => f === c.field || f.startsWith(`${c.field}.`))) {
          problems.push(`${label}: the error does not name ${c.field} (${JSON.stringify(body.error)})`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
  expect(sent).toBeGreaterThan(250);
  expect(rowCounts(agentServer, FUZZER.name)).toEqual(before);
  await request.dispose();
});

test("any other address under /api/v1 answers with a JSON 404", async ({ request }) => {
  for (const method of ["GET", "POST", "DELETE"]) {
    const response = await request.fetch("/api/v1/no/such/endpoint", { method });
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: "not-found", message: expect.stringContaining("/api/v1/no/such/endpoint") },
    });
  }
});

test("malformed addresses, oversized and deeply nested bodies answer a 4xx, pages and API alike, never a 5xx", async ({ request }) => {
  const auth = { authorization: `Bearer ${token}` };
  const signinPage = await (await request.get("/signin")).text();
  const actionId = /&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(signinPage)?.[1];
  expect(actionId, "the sign-in form's action id").toBeTruthy();
  const action = { "next-action": actionId!, "content-type": "text/plain;charset=UTF-8" };
  const deep = "[".repeat(5000) + "]".repeat(5000);
  const overCeiling = Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20);
  const cases: (Case & { api?: boolean; multipart?: Record<string, string> })[] = [
    ...[
      "/programs/%c0%ae%c0%ae/modules/1",
      "/programs/codex-mastery/modules/%ff",
      "/patterns/%ff",
      "/plans/%e0%a4",
      "/evidence/%ff/file",
      "/programs/codex-mastery/files/%c0%ae",
    ].map((url) => ({ name: "malformed percent-encoding", method: "GET", url, status: 400 })),
    ...["/api/v1/modules/%ff/packet", "/api/v1/modules/%c0%ae", "/api/v1/%ff"].map((url) => ({
      name: "malformed percent-encoding",
      method: "GET",
      url,
      headers: auth,
      status: 400,
      field: "path",
      api: true,
    })),
    {
      name: "an API body over the ceiling",
      method: "POST",
      url: "/api/v1/modules/1/evidence",
      headers: { ...auth, "content-type": "application/json" },
      body: overCeiling,
      status: 413,
      field: "body",
      api: true,
    },
    { name: "a server action over the ceiling", method: "POST", url: "/settings", headers: action, body: overCeiling, status: 413 },
    {
      name: "a library upload over the ceiling",
      method: "POST",
      url: "/patterns/import/upload",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: overCeiling,
      status: 413,
      field: "body",
      api: true,
    },
    { name: "a deeply nested server-action body", method: "POST", url: "/signin", headers: action, body: deep, status: 400 },
    {
      name: "a deeply nested multipart server-action body",
      method: "POST",
      url: "/signin",
      headers: { "next-action": actionId! },
      multipart: { "0": deep },
      status: 400,
    },
    { name: "the image optimizer, which the app does not use", method: "GET", url: "/_next/image?url=%2Ffavicon.svg&w=64&q=75" },
  ];
  const problems: string[] = [];
  for (const c of cases) {
    const response = await request.fetch(c.url, {
      method: c.method,
      headers: c.headers,
      data: c.body,
      multipart: c.multipart,
      maxRedirects: 0,
      timeout: 60_000,
    });
    const label = `${c.method} ${c.url} with ${c.name}`;
    const status = response.status();
    if (status >= 500) problems.push(`${label}: ${status}`);
    else if (status < 400) problems.push(`${label}: ${status}, expected a refusal`);
    else if (c.status !== undefined && status !== c.status) problems.push(`${label}: ${status}, expected ${c.status}`);
    else if (c.api) {
      const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; fields?: Record<string, string> } } | null;
      if (typeof body?.error?.code !== "string" || !(c.field! in (body.error.fields ?? {})))
        problems.push(`${label}: no JSON error naming ${c.field}`);
    }
  }
  expect(problems).toEqual([]);
});
