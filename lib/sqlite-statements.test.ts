import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reusingStatements } from "./sqlite-statements";

let sqlite: Database.Database;
let compiled: string[];
const compile = (sql: string) => {
  compiled.push(sql);
  return sqlite.prepare(sql);
};

beforeEach(() => {
  sqlite = new Database(":memory:");
  sqlite.exec(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`);
  compiled = [];
});
afterEach(() => sqlite.close());

describe("reusingStatements", () => {
  it("compiles a SQL text once and runs it with each call's own parameters", () => {
    const prepare = reusingStatements(compile);
    const insert = "INSERT INTO item (name) VALUES (?)";
    expect(prepare(insert).bind(["first"]).run().changes).toBe(1);
    expect(prepare(insert).bind(["second"]).run().changes).toBe(1);
    const select = "SELECT id, name FROM item WHERE name = ?";
    const first = prepare(select).bind(["first"]);
    const second = prepare(select).bind(["second"]);
    expect(second.raw().all()).toEqual([[2, "second"]]);
    expect(first.raw().all()).toEqual([[1, "first"]]);
    expect(compiled).toEqual([insert, select]);
  });

  it("tells a reading statement from a writing one and names its columns", () => {
    const prepare = reusingStatements(compile);
    const read = prepare("SELECT id, name AS label FROM item WHERE id > ?").bind([0]);
    expect(read.reader).toBe(true);
    expect(read.columns().map((c) => [c.name, c.type])).toEqual([
      ["id", "INTEGER"],
      ["label", "TEXT"],
    ]);
    expect(prepare("DELETE FROM item WHERE id = ?").bind([1]).reader).toBe(false);
  });

  it("runs a statement without parameters as it is (BEGIN, COMMIT)", () => {
    const prepare = reusingStatements(compile);
    prepare("BEGIN IMMEDIATE").run();
    prepare("INSERT INTO item (name) VALUES (?)").bind(["inside"]).run();
    prepare("ROLLBACK").run();
    expect(prepare("SELECT count(*) FROM item").bind([]).raw().all()).toEqual([[0]]);
    prepare("BEGIN IMMEDIATE").run();
    prepare("COMMIT").run();
    expect(compiled.filter((sql) => sql === "BEGIN IMMEDIATE")).toHaveLength(1);
  });

  it("serves the next call after a run that failed", () => {
    const prepare = reusingStatements(compile);
    const insert = "INSERT INTO item (name) VALUES (?)";
    prepare(insert).bind(["taken"]).run();
    expect(() => prepare(insert).bind(["taken"]).run()).toThrow(/UNIQUE/);
    expect(prepare(insert).bind(["free"]).run().changes).toBe(1);
    expect(compiled.filter((sql) => sql === insert)).toHaveLength(1);
  });

  it("keeps the most recently used statements up to its limit and compiles a dropped one again", () => {
    const prepare = reusingStatements(compile, 2);
    const sql = (n: number) => `SELECT ${n}`;
    prepare(sql(1));
    prepare(sql(2));
    prepare(sql(1));
    prepare(sql(3));
    expect(prepare(sql(1)).bind([]).raw().all()).toEqual([[1]]);
    expect(prepare(sql(2)).bind([]).raw().all()).toEqual([[2]]);
    expect(compiled).toEqual([sql(1), sql(2), sql(3), sql(2)]);
  });
});
