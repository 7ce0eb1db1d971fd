// The kit and check-run endpoints through their real route handlers and a real SQLite database:
// the kit's files with checksums, an exercise's declared checks, and a check run recorded as the
// exercise's machine-checked result, malformed runs refused with the field named.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";

withTestDatabase("checks-api-test-");
const { db } = await import("../db");
const { createApiToken } = await import("./tokens");
const kitRoute = await import("../../app/api/v1/programs/[program]/kit/route");
const moduleRoute = await import("../../app/api/v1/modules/[module]/route");
const checksRoute = await import("../../app/api/v1/modules/[module]/checks/route");

let token: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Body = { error: { code: string; fields: Record<string, string> } } & Record<string, unknown>;

async function send(handler: Handler, params: Record<string, string>, json?: unknown) {
  const request = new Request("http://127.0.0.1/api/v1/test", {
    method: json === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { "content-type": "application/json" }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Body };
}

const result = (fields: Record<string, unknown> = {}) => ({
  id: "tests-before-implementation",
  criterion: 1,
  proves: "The tests came first.",
  command: 'bash "$MASTERY_KIT/checks/red-first.sh" order',
  status: "pass",
  exitCode: 0,
  durationMs: 40,
  output: "red:   1a2b3c4 test: red",
  outputCut: false,
  missing: [],
  ...fields,
});
const run = (fields: Record<string, unknown> = {}) => ({
  exercise: "red-first",
  cliVersion: "0.1.0",
  ranAt: "2026-12-04T10:00:00.000Z",
  kit: [{ path: "checks/red-first.sh", sha256: "a".repeat(64) }],
  results: [result()],
  ...fields,
});

beforeAll(async () => {
  const client = await db();
  const user = await client.user.create({ data: { name: "Cal", role: "learner", passphraseHash: "x" } });
  const learner = await client.learner.create({ data: { name: "Cal", ownerId: user.id, programSlug: "codex-mastery" } });
  token = (await createApiToken(user.id, { learnerId: learner.id, name: "checker" })).secret;
  await client.packet.create({
    data: { learnerId: learner.id, moduleNumber: 4, attempt: 1, status: "in_progress", startedAt: new Date() },
  });
});

describe("the kit", () => {
  it("answers every kit file with its executable bit, size and checksum", async () => {
    const answer = await send(kitRoute.GET, { program: "codex-mastery" });
    expect(answer.status).toBe(200);
    const files = answer.body.files as { path: string; executable: boolean; size: number; sha256: string; contentBase64: string }[];
    const script = files.find((f) => f.path === "checks/red-first.sh")!;
    expect(script.executable).toBe(true);
    expect(files.find((f) => f.path === "files/practice/tdd/duration.py")).toMatchObject({ executable: false });
    for (const file of files) {
      const bytes = Buffer.from(file.contentBase64, "base64");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
      expect(bytes.byteLength).toBe(file.size);
    }
    expect(files.map((f) => f.path)).toEqual([...files.map((f) => f.path)].sort());
  });

  it("answers an empty list for a program without a kit, 404 for an unknown program and 400 for a bad slug", async () => {
    expect(await send(kitRoute.GET, { program: "async-plan-template" })).toMatchObject({ status: 200, body: { files: [] } });
    expect(await send(kitRoute.GET, { program: "no-such-program" })).toMatchObject({
      status: 404,
      body: { error: { fields: { program: "unknown program" } } },
    });
    expect(await send(kitRoute.GET, { program: "../etc" })).toMatchObject({
      status: 400,
      body: { error: { fields: { program: expect.any(String) } } },
    });
  });
});

describe("check runs", () => {
  it("lists an exercise's checks in the module answer", async () => {
    const answer = await send(moduleRoute.GET, { module: "4" });
    const exercise = (answer.body.module as { exercises: { slug: string; checks: { id: string; criterion: number }[] }[] }).exercises.find(
      (e) => e.slug === "red-first",
    )!;
    expect(exercise.checks).toContainEqual(
      expect.objectContaining({ id: "tests-before-implementation", criterion: 1, requires: ["git"], timeoutSeconds: 60 }),
    );
  });

  it("records a run as a new version of the exercise's machine-checked result", async () => {
    const first = await send(checksRoute.POST, { module: "4" }, run());
    expect(first.status).toBe(201);
    expect(first.body.evidence).toMatchObject({
      itemKey: "check-red-first",
      version: 1,
      kind: "exercise",
      title: "Machine check of exercise 4.1: Red first: a test-driven change with the agent",
      body: "1 of 1 checks passed.",
      data: { exercise: "red-first", check: { cliVersion: "0.1.0", results: [expect.objectContaining({ status: "pass" })] } },
    });
    const failing = await send(checksRoute.POST, { module: "4" }, run({ results: [result({ status: "fail", exitCode: 1 })] }));
    expect(failing.body.evidence).toMatchObject({
      itemKey: "check-red-first",
      version: 2,
      body: "0 of 1 checks passed; not passed: tests-before-implementation (fail).",
    });
  });

  it("refuses a malformed run with 400 naming the field, and writes nothing", async () => {
    const before = await (await db()).evidence.count();
    const cases: [Record<string, unknown>, string][] = [
      [run({ results: [] }), "results"],
      [run({ results: [result({ exitCode: 1 })] }), "results.0.exitCode"],
      [run({ results: [result({ status: "missing-tool", exitCode: null })] }), "results.0.missing"],
      [run({ results: [result({ status: "skipped" })] }), "results.0.status"],
      [run({ ranAt: "yesterday" }), "ranAt"],
      [run({ kit: [{ path: "x", sha256: "nope" }] }), "kit.0.sha256"],
      [run({ colour: "red" }), "colour"],
      [run({ results: [result({ id: "no-such-check" })] }), "results.0.id"],
      [run({ results: [result({ criterion: 2 })] }), "results.0.criterion"],
      [run({ exercise: "no-such-exercise" }), "exercise"],
    ];
    for (const [body, field] of cases) {
      const answer = await send(checksRoute.POST, { module: "4" }, body);
      expect(answer.status, field).toBe(400);
      expect(Object.keys(answer.body.error.fields), field).toContain(field);
    }
    expect(await (await db()).evidence.count()).toBe(before);
  });

  it("refuses a run for a module not started", async () => {
    const answer = await send(checksRoute.POST, { module: "5" }, run());
    expect(answer).toMatchObject({ status: 409, body: { error: { code: "not-started" } } });
  });
});
