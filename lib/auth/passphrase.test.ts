import { describe, expect, it } from "vitest";
import { hashPassphrase, verifyPassphrase } from "./passphrase";

describe("passphrases", () => {
  it("are stored salted and verify only with the right passphrase", async () => {
    const a = await hashPassphrase("correct horse battery");
    const b = await hashPassphrase("correct horse battery");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
    expect(await verifyPassphrase("correct horse battery", a)).toBe(true);
    expect(await verifyPassphrase("correct horse batterY", a)).toBe(false);
    expect(await verifyPassphrase("anything", "plain-text")).toBe(false);
  });
});
