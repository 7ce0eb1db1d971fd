import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

const scratch = mkdtempSync(path.join(tmpdir(), "secrets-test-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "data", "test.db")}`;
delete process.env.SESSION_SECRET;
const { secretsDir, sessionSecret } = await import("./secrets");

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh copy of the module, reading the configuration `variables` make (undefined: unset). */
async function secretsWith(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("./secrets");
}

const TEAM_SECRET = "a secret every instance of the team server shares";

describe("sessionSecret", () => {
  it("is generated once into the data folder, readable by the owner only", () => {
    const file = path.join(secretsDir(), "session.key");
    expect(existsSync(file)).toBe(false);
    const first = sessionSecret();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(secretsDir()).mode & 0o777).toBe(0o700);
    expect(secretsDir()).toBe(path.join(scratch, "data", "secrets"));
    expect(sessionSecret()).toBe(first);
  });

  it("is SESSION_SECRET when it is set, and no key is generated", async () => {
    const dataDir = path.join(scratch, "configured");
    const secrets = await secretsWith({ DATABASE_URL: `file:${path.join(dataDir, "test.db")}`, SESSION_SECRET: TEAM_SECRET });
    expect(secrets.sessionSecret()).toBe(TEAM_SECRET);
    expect(existsSync(path.join(dataDir, "secrets"))).toBe(false);
  });

  it("on PostgreSQL is SESSION_SECRET, which every instance shares", async () => {
    const secrets = await secretsWith({
      DATABASE_URL: "postgresql://db.example/mastery",
      MASTERY_DATA_DIR: scratch,
      SESSION_SECRET: TEAM_SECRET,
    });
    expect(secrets.sessionSecret()).toBe(TEAM_SECRET);
  });

  it("on PostgreSQL without SESSION_SECRET is a configuration error naming it and why, and no instance key is generated", async () => {
    const dataDir = path.join(scratch, "team");
    const secrets = await secretsWith({
      DATABASE_URL: "postgresql://db.example/mastery",
      MASTERY_DATA_DIR: dataDir,
      SESSION_SECRET: undefined,
    });
    expect(() => secrets.sessionSecret()).toThrow(secrets.SESSION_SECRET_REQUIRED);
    expect(secrets.SESSION_SECRET_REQUIRED).toMatch(
      /^Invalid configuration:\n {2}SESSION_SECRET: required when DATABASE_URL names a PostgreSQL server: every app instance must seal and open sign-in cookies with the same secret/,
    );
    expect(existsSync(path.join(dataDir, "secrets"))).toBe(false);
  });
});
