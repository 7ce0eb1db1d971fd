// Stored files are found by checksum alone, in either store: the files folder (never read from
// outside it) and the StoredFile table (its rows commit or roll back with the transaction they are
// written in). The table exists on SQLite too, so both stores are tested on every database.
import { createHash } from "node:crypto";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../test/database";

const { scratch } = withTestDatabase("files-test-");
const { db, transaction } = await import("./db");
const { dialect } = await import("./env");
const { databaseStore, fileStore, FileNameSchema, filesDir, folderStore, MAX_FILE_BYTES, readStoredFile, storedPath, storeFile } =
  await import("./files");

const bytesOf = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe.each([
  ["the files folder", folderStore],
  ["the StoredFile table", databaseStore],
])("%s", (_name, store) => {
  it("keeps bytes under their checksum and gives them back", async () => {
    const bytes = bytesOf(`kept in ${store.place}`);
    await store.put(sha256(bytes), bytes);
    expect((await store.get(sha256(bytes)))?.toString()).toBe(`kept in ${store.place}`);
  });

  it("keeps bytes stored twice once", async () => {
    const bytes = bytesOf(`twice in ${store.place}`);
    await store.put(sha256(bytes), bytes);
    await store.put(sha256(bytes), bytes);
    expect((await store.get(sha256(bytes)))?.toString()).toBe(`twice in ${store.place}`);
  });

  it("has nothing under a checksum nobody stored", async () => {
    expect(await store.get("1".repeat(64))).toBeNull();
  });
});

describe("the files folder", () => {
  it("holds one file per checksum, named by it", async () => {
    const bytes = bytesOf("one file");
    await folderStore.put(sha256(bytes), bytes);
    await folderStore.put(sha256(bytes), bytes);
    expect(readdirSync(path.join(filesDir(), sha256(bytes).slice(0, 2)))).toEqual([sha256(bytes)]);
  });
});

describe("the StoredFile table", () => {
  it("holds one row per checksum, with its size", async () => {
    const bytes = bytesOf("one row");
    await databaseStore.put(sha256(bytes), bytes);
    await databaseStore.put(sha256(bytes), bytes);
    const rows = await (await db()).storedFile.findMany({ where: { sha256: sha256(bytes) }, select: { size: true } });
    expect(rows).toEqual([{ size: bytes.byteLength }]);
  });

  it("writes in the open transaction, so a file rolls back with the rows that would point to it", async () => {
    const bytes = bytesOf("rolled back");
    await expect(
      transaction(async () => {
        await databaseStore.put(sha256(bytes), bytes);
        expect(await databaseStore.get(sha256(bytes))).not.toBeNull();
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await databaseStore.get(sha256(bytes))).toBeNull();
  });
});

describe("stored files", () => {
  it("are kept in the files folder beside SQLite and in the database on PostgreSQL", () => {
    expect(fileStore("sqlite")).toBe(folderStore);
    expect(fileStore("postgresql")).toBe(databaseStore);
    expect(fileStore()).toBe(dialect() === "sqlite" ? folderStore : databaseStore);
  });

  it("stores bytes under their checksum and reads them back by checksum", async () => {
    const { sha256, relative } = await storeFile(bytesOf("evidence"));
    expect(relative).toBe(`${sha256.slice(0, 2)}/${sha256}`);
    expect((await readStoredFile(sha256)).toString()).toBe("evidence");
    expect((await fileStore().get(sha256))?.toString()).toBe("evidence");
  });

  it("takes nothing but a checksum as a name, so no path can leave the files folder", async () => {
    writeFileSync(path.join(scratch, "secret"), "do not serve");
    for (const name of ["../secret", "../../../../etc/passwd", "../test.db", "ab/../../secret", "A".repeat(64)]) {
      expect(() => storedPath(name), name).toThrow(/Not a SHA-256 checksum/);
      await expect(readStoredFile(name), name).rejects.toThrow(/Not a SHA-256 checksum/);
      await expect(folderStore.get(name), name).rejects.toThrow(/Not a SHA-256 checksum/);
    }
  });

  it("answers a missing file with not found, naming where it should be", async () => {
    await expect(readStoredFile("0".repeat(64))).rejects.toMatchObject({
      code: "not-found",
      message: `The file is missing from ${fileStore().place}.`,
    });
  });

  it("refuses a file over the size limit and stores nothing", async () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    await expect(storeFile(bytes)).rejects.toMatchObject({ code: "too-large", fieldErrors: { file: "files are limited to 10 MB" } });
    expect(await fileStore().get(sha256(bytes))).toBeNull();
    await expect(storeFile(new Uint8Array(MAX_FILE_BYTES))).resolves.toMatchObject({ sha256: sha256(new Uint8Array(MAX_FILE_BYTES)) });
  });

  it("refuses file names with control characters or folders", () => {
    expect(FileNameSchema.parse(" notes.md ")).toBe("notes.md");
    for (const name of ["a\u0000b.txt", "line\r\nbreak.txt", "tab\t.txt", "/", "dir/x.txt", "..\\x", "..", ""]) {
      expect(FileNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
  });
});
