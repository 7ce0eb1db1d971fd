// The transaction model of lib/db.ts: db() is the open transaction, transactions join, and other callers wait.
import { describe, expect, it } from "vitest";
import { onPostgres, withTestDatabase } from "../test/database";

withTestDatabase("transaction-test-");
const { connection, containsText, db, insertRows, storedTime, transaction } = await import("./db");

const user = (name: string) => ({ name, role: "learner" as const, passphraseHash: "x" });

describe("the transaction model", () => {
  it("hands db() the open transaction, so a read anywhere in its call chain sees its uncommitted rows", async () => {
    const seen = await transaction(async (tx) => {
      await tx.user.create({ data: user("Ambient") });
      expect(await db()).toBe(tx);
      return (await db()).user.findUnique({ where: { name: "Ambient" } });
    });
    expect(seen?.name).toBe("Ambient");
    expect(await db()).toBe(await connection());
  });

  it("joins an outer transaction, so an inner write rolls back with it", async () => {
    const failed = await transaction(async () => {
      await transaction(async (inner) => inner.user.create({ data: user("Joined") }));
      throw new Error("roll back the outer one");
    }).catch((error: Error) => error.message);
    expect(failed).toBe("roll back the outer one");
    expect(await (await db()).user.findUnique({ where: { name: "Joined" } })).toBeNull();
  });

  // SQLite's one shared connection makes other callers wait; on PostgreSQL each has a connection of its own.
  it.skipIf(onPostgres)("keeps another caller's read out of an open transaction until it commits", async () => {
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const committing = transaction(async (tx) => {
      await tx.user.create({ data: user("Pending") });
      wrote();
      await held;
    });
    await written;
    const outside = (async () => (await connection()).user.findUnique({ where: { name: "Pending" } }))();
    finish();
    await committing;
    expect((await outside)?.name).toBe("Pending");
  });

  it("writes insertRows' batches in the transaction: they commit with it, roll back with it, and need it", async () => {
    const rows = (prefix: string) =>
      Array.from({ length: 450 }, (_, i) => ({
        id: `${prefix}-${i}`,
        name: `${prefix} ${i}`,
        role: "learner",
        passphraseHash: "x",
        createdAt: storedTime(new Date()),
      }));
    expect(await transaction((tx) => insertRows(tx, "User", rows("Bulk")))).toBe(450);
    const client = await db();
    expect(await client.user.count({ where: { name: { startsWith: "Bulk " } } })).toBe(450);
    const stored = (await client.user.findUnique({ where: { id: "Bulk-449" } }))!.createdAt;
    expect(Math.abs(stored.getTime() - Date.now())).toBeLessThan(60_000);
    const failed = await transaction(async (tx) => {
      await insertRows(tx, "User", rows("Undone"));
      throw new Error("roll back");
    }).catch((error: Error) => error.message);
    expect(failed).toBe("roll back");
    expect(await client.user.count({ where: { name: { startsWith: "Undone " } } })).toBe(0);
    await expect(insertRows(client, "User", rows("Outside"))).rejects.toThrow("insertRows runs inside transaction()");
  });

  it("matches text ignoring letter case on either database", async () => {
    const client = await db();
    await client.user.create({ data: user("Grace Hopper") });
    for (const needle of ["grace", "HOPPER", "e H"]) {
      expect((await client.user.findMany({ where: { name: containsText(needle) } })).map((u) => u.name), needle).toEqual(["Grace Hopper"]);
    }
  });
});
