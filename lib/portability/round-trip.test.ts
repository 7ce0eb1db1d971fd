// A learner moves from one install to another and back with nothing lost: a profile with every
// kind of data is exported here, imported into a fresh second install and exported there, imported
// into a fresh third install and exported again, and the three exports agree field by field. The
// second and third installs are processes of their own running `npm run learner`
// (scripts/learner-data.ts), each with its own DATABASE_URL, since a process has one client.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { migratedDatabase, onPostgres, withTestDatabase } from "../../test/database";
import { createPostgresDatabase } from "../../test/postgres";
import type { LearnerExport } from "./export-format";

const { scratch } = withTestDatabase("round-trip-", path.join("first", "mastery.db"));
const { seedLearnerWithEverything, UPLOADED } = await import("../../test/learner-with-everything");
const { exportLearner, EXPORTED_TABLES } = await import("./learner-data");
const { parseLearnerExport } = await import("./export-format");

/** A fresh, migrated install on a SQLite file: a learner's laptop. */
function laptopInstallUrl(name: string): string {
  const file = path.join(scratch, name, "mastery.db");
  migratedDatabase(file);
  return `file:${file}`;
}

/** A fresh, migrated install on the test PostgreSQL server: a team server. */
function teamServerUrl(name: string): Promise<string> {
  return createPostgresDatabase(inject("postgresAdminUrl"), name);
}

/**
 * The install in the middle of the round trip, the one a learner moves to and back from: the
 * other kind of database than the first and last (a team server for a laptop's profile and back,
 * or a laptop for a team server's), or a second laptop where PostgreSQL cannot run.
 */
async function middleInstallUrl(): Promise<string> {
  if (onPostgres || !inject("postgresAdminUrl")) return laptopInstallUrl("middle");
  return teamServerUrl("middle");
}

/** The last install: the same kind of database as the first. */
async function lastInstallUrl(): Promise<string> {
  return onPostgres ? teamServerUrl("last") : laptopInstallUrl("last");
}

type Install = { name: string; env: NodeJS.ProcessEnv };

/** An install of its own: its database, and its own folder for what is not in the database. */
function install(name: string, databaseUrl: string): Install {
  return { name, env: { ...process.env, DATABASE_URL: databaseUrl, MASTERY_DATA_DIR: path.join(scratch, name, "data") } };
}

/** Runs Node with tsx in the install, and answers its output; fails when it does not succeed. */
function run(where: Install, args: string[]): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], { env: where.env, encoding: "utf8" });
  expect(result.stderr, `${where.name}: ${args.join(" ")}`).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

const learnerScript = (where: Install, ...args: string[]) => run(where, ["scripts/learner-data.ts", ...args]);

/** Adds the person who imports the profile, through the app's own function. */
function addPerson(where: Install, name: string): void {
  const script = `
    const { createUser } = await import("./lib/auth/people.ts");
    const { connection } = await import("./lib/db.ts");
    await createUser({ name: ${JSON.stringify(name)}, role: "learner", passphrase: "the owner's passphrase" });
    await (await connection()).$disconnect();`;
  run(where, ["--input-type=module", "--eval", script]);
}

/** Imports the export file into the install as `owner`'s profile and exports it from there. */
function moveTo(where: Install, file: string, owner: string): string {
  addPerson(where, owner);
  expect(learnerScript(where, "import", file, "--owner", owner)).toMatch(/^Imported learner profile /);
  return learnerScript(where, "export", "--learner", owner);
}

const PEOPLE = new Set(["ownerId", "actorId", "reviewerId", "authorId"]);
const IMPORT_MARKS = new Set(["importedAt", "importedFrom"]);

/**
 * An export as the next install must give it back. Every row gets a new id and people of another
 * install none of this one, so ids become each row's table and place (references become the place
 * they point at) and people the profile's owner or someone else; the marks of an import are left
 * out (they say when it came), and so is the time of the export.
 */
function comparable(data: LearnerExport) {
  const labels = new Map<string, string>();
  for (const [table, rows] of Object.entries(data.tables))
    rows.forEach((row, index) => labels.set(String(row.id), `${table} #${index + 1}`));
  const owner = data.tables.Learner![0]!.ownerId;
  const value = (column: string, cell: unknown): unknown => {
    if (PEOPLE.has(column)) return cell === owner ? "the owner" : "someone else";
    if (Array.isArray(cell)) return cell.map((item) => value("", item));
    return typeof cell === "string" ? (labels.get(cell) ?? cell) : cell;
  };
  const tables = Object.fromEntries(
    Object.entries(data.tables).map(([table, rows]) => [
      table,
      rows.map((row) => Object.fromEntries(Object.entries(row).flatMap(([c, cell]) => (IMPORT_MARKS.has(c) ? [] : [[c, value(c, cell)]])))),
    ]),
  );
  return { ...data, exportedAt: "(when)", tables };
}

/** The export without the plan-log entry its own import added, which must be the newest. */
function beforeItsImport(data: LearnerExport): LearnerExport {
  const log = data.tables.PlanLogEntry!;
  expect(log.at(-1)).toMatchObject({ summary: expect.stringMatching(/^Imported this profile from a learner export of Ada made /) });
  return { ...data, tables: { ...data.tables, PlanLogEntry: log.slice(0, -1) } };
}

describe("moving a learner between installs and back", () => {
  it("loses nothing: the three exports agree field by field", async () => {
    const { learnerId } = await seedLearnerWithEverything();
    const first = await exportLearner(learnerId);
    for (const { table } of EXPORTED_TABLES) expect(first.tables[table]!.length, `${table} has rows`).toBeGreaterThan(0);
    expect(Object.values(first.files)).toEqual([Buffer.from(UPLOADED).toString("base64")]);
    const firstFile = path.join(scratch, "first.json");
    writeFileSync(firstFile, JSON.stringify(first));

    const middle = install("middle", await middleInstallUrl());
    const middleText = moveTo(middle, firstFile, "Ada");
    // Two exports of the same data are the same bytes, apart from when they were made.
    const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]*"/, "");
    expect(withoutTime(learnerScript(middle, "export", "--learner", "Ada"))).toBe(withoutTime(middleText));
    const second = parseLearnerExport(middleText);
    const secondFile = path.join(scratch, "second.json");
    writeFileSync(secondFile, middleText);

    const last = install("last", await lastInstallUrl());
    const third = parseLearnerExport(moveTo(last, secondFile, "Ada"));

    expect(comparable(beforeItsImport(second))).toEqual(comparable(first));
    expect(comparable(beforeItsImport(third))).toEqual(comparable(second));
    for (const moved of [second, third]) {
      expect(moved.tables.Learner![0]!.importedFrom).toMatch(/^a learner export of Ada made /);
      for (const table of ["Packet", "Review"]) expect(moved.tables[table]!.every((row) => typeof row.importedAt === "string")).toBe(true);
    }
    expect(readFileSync(secondFile, "utf8")).toContain('"version": 2');
  });
});
