// The health check a load balancer polls: 200 with the database's reading while it answers, 503
// (never a 500, never a hang) when it cannot be reached or does not answer in time.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "../test/database";

const { scratch } = withTestDatabase("health-test-");
const { dialect } = await import("./env");
const { HEALTH_TIMEOUT_MS, healthResponse } = await import("./health");
const { getContent } = await import("./content");

afterEach(() => {
  vi.useRealTimers();
  vi.doUnmock("./db");
  vi.resetModules();
});

describe("the health check", () => {
  it("answers 200 with the database's reading, the programs and the content problems, a template's placeholders not among them", async () => {
    const response = await healthResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      ok: true,
      database: { reachable: true, dialect: dialect(), answeredInMs: expect.any(Number) },
      programs: expect.arrayContaining(["codex-mastery"]),
      contentProblems: 0,
    });
    // The bundled template is full of placeholders, which a template may have.
    expect(getContent().problems.some((p) => p.kind === "placeholder")).toBe(true);
    expect(body.database.answeredInMs).toBeLessThan(HEALTH_TIMEOUT_MS);
  });

  it("answers 503 naming the problem when the database cannot be reached", () => {
    // A process of its own: the database a process talks to is chosen once, at its first query.
    const probe = path.join(scratch, "probe.mts");
    writeFileSync(
      probe,
      [
        `const { healthResponse } = await import(${JSON.stringify(path.resolve("lib/health.ts"))});`,
        "const started = performance.now();",
        "const response = await healthResponse();",
        "console.log(JSON.stringify({ status: response.status, ms: performance.now() - started, body: await response.json() }));",
      ].join("\n"),
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", probe], {
      env: { ...process.env, DATABASE_URL: "postgresql://127.0.0.1:1/none", SESSION_SECRET: "a session secret of at least 32 characters" },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { status: number; ms: number; body: unknown };
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ ok: false, database: { reachable: false, dialect: "postgresql", problem: expect.stringMatching(/\S/) } });
    expect(answer.ms).toBeLessThanOrEqual(HEALTH_TIMEOUT_MS + 500);
  });

  it("answers 503 once the database has not answered within the timeout", async () => {
    vi.doMock("./db", () => ({ databaseHealth: () => new Promise(() => {}) }));
    vi.resetModules();
    const { healthResponse: withSilentDatabase } = await import("./health");
    vi.useFakeTimers();
    const answer = withSilentDatabase();
    await vi.advanceTimersByTimeAsync(HEALTH_TIMEOUT_MS);
    const response = await answer;
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      ok: false,
      database: { reachable: false, dialect: dialect(), problem: `the database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s` },
    });
  });
});
