// The configuration is read once and refused as a whole, each problem naming its variable.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** A fresh copy of the module, reading the configuration `variables` make (undefined: unset). */
async function envWith(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("./env");
}

describe("SESSION_SECRET", () => {
  it("is 32 characters or more; a shorter one is refused rather than passed over", async () => {
    const { env } = await envWith({ SESSION_SECRET: "too short to seal anything" });
    expect(() => env()).toThrow("Invalid configuration:\n  SESSION_SECRET: must be at least 32 characters");
  });

  it("is unset when empty, and taken as it is otherwise", async () => {
    expect((await envWith({ SESSION_SECRET: "" })).env().SESSION_SECRET).toBeUndefined();
    expect((await envWith({ SESSION_SECRET: "x".repeat(32) })).env().SESSION_SECRET).toBe("x".repeat(32));
  });
});

describe("MALLOC_ARENA_MAX", () => {
  it("is 2 unless set, and a whole number of at least 1 otherwise", async () => {
    expect((await envWith({ MALLOC_ARENA_MAX: undefined })).env().MALLOC_ARENA_MAX).toBe(2);
    expect((await envWith({ MALLOC_ARENA_MAX: "8" })).env().MALLOC_ARENA_MAX).toBe(8);
    const { env } = await envWith({ MALLOC_ARENA_MAX: "0" });
    expect(() => env()).toThrow(/MALLOC_ARENA_MAX: /);
  });
});
