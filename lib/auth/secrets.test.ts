import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(path.join(tmpdir(), "secrets-test-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "data", "test.db")}`;
delete process.env.SESSION_SECRET;
const { secretsDir, sessionSecret } = await import("./secrets");

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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
});
