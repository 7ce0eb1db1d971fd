// Stored files are found by checksum alone and never read from outside the files folder.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(path.join(tmpdir(), "files-test-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "mastery.db")}`;
const { FileNameSchema, readStoredFile, storedPath, storeFile } = await import("./files");

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("stored files", () => {
  it("stores bytes under their checksum and reads them back by checksum", async () => {
    const { sha256, relative } = storeFile(new TextEncoder().encode("evidence"));
    expect(relative).toBe(`${sha256.slice(0, 2)}/${sha256}`);
    expect((await readStoredFile(sha256)).toString()).toBe("evidence");
  });

  it("takes nothing but a checksum as a name, so no path can leave the files folder", async () => {
    writeFileSync(path.join(scratch, "secret"), "do not serve");
    for (const name of ["../secret", "../../../../etc/passwd", "../mastery.db", "ab/../../secret", "A".repeat(64)]) {
      expect(() => storedPath(name), name).toThrow(/Not a SHA-256 checksum/);
      await expect(readStoredFile(name), name).rejects.toThrow(/Not a SHA-256 checksum/);
    }
    await expect(readStoredFile("0".repeat(64))).rejects.toThrow(/missing from the files folder/);
  });

  it("refuses file names with control characters or folders", () => {
    expect(FileNameSchema.parse(" notes.md ")).toBe("notes.md");
    for (const name of ["a\u0000b.txt", "line\r\nbreak.txt", "tab\t.txt", "/", "dir/x.txt", "..\\x", "..", ""]) {
      expect(FileNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
  });
});
