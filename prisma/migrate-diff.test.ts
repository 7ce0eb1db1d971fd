// Checks that `createMigration` writes the SQL `prisma migrate diff --from-… --to-schema … --script`
// prints. The Prisma 7 CLI runs `migrate diff` only through its native schema engine, which it
// downloads from Prisma's binary host at start-up (unreachable here; its config has no option that
// hands it a driver adapter and the WebAssembly engine instead). So this test sends the CLI's own
// `diff` request (the payload its `migrate diff` command builds from those flags) to the engine
// build the CLI ships; the first test proves that build is the one the migrator loads, byte for
// byte and by build hash. `--from-migrations` is left out: with a driver adapter this engine build
// replays each migration file as one prepared statement on the shadow database, which
// better-sqlite3 refuses for a file of several statements; `--from-schema` with the schema the
// shipped migrations produce (the migrator test "returns null when the schema matches the
// migrations" holds them equal) states the same starting point.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { appendOnlyTriggers, HISTORY_TABLES } from "./history-tables";
import { createMigration, MIGRATIONS_DIR, openEngine, SCHEMA_PATH } from "./migrator";

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
/** The folder of the package `name` as Node finds it from the folder `from` (not every package exports package.json). */
function packageDir(name: string, from = import.meta.dirname): string {
  const lookup = createRequire(path.join(from, "noop.js")).resolve.paths(name) ?? [];
  const found = lookup.map((modules) => path.join(modules, name)).find((dir) => existsSync(path.join(dir, "package.json")));
  if (!found) throw new Error(`${name} is not installed`);
  return found;
}
const version = (dir: string) => (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "migrate-diff-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What `prisma migrate diff --from-empty|--from-schema <fromPath> --to-schema <schemaPath> --script` prints. */
async function migrateDiff(fromPath: string | null, schemaPath: string): Promise<string> {
  const schemaText = readFileSync(schemaPath, "utf8");
  const from = fromPath
    ? { tag: "schemaDatamodel" as const, files: [{ path: fromPath, content: readFileSync(fromPath, "utf8") }] }
    : { tag: "empty" as const };
  const { engine, close } = await openEngine(path.join(dir, "diff.db"), schemaText);
  try {
    const { stdout } = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return stdout ?? "";
  } finally {
    await close();
  }
}

describe("the WebAssembly schema engine", () => {
  it("is the build the Prisma CLI ships", () => {
    const cli = packageDir("prisma");
    const engines = packageDir("@prisma/engines", cli);
    const enginesVersion = version(packageDir("@prisma/engines-version", engines));
    const wasm = packageDir("@prisma/schema-engine-wasm");
    expect(version(wasm)).toBe(enginesVersion);
    for (const name of ["@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/driver-adapter-utils"]) {
      expect(version(packageDir(name)), name).toBe(version(cli));
    }
    expect(sha256(path.join(wasm, "schema_engine_bg.wasm"))).toBe(sha256(path.join(cli, "build", "schema_engine_bg.wasm")));
  });
});

describe.skipIf(!inject("postgresAdminUrl"))("createMigration", () => {
  // A new table, a new column on an existing table, and a changed default (a table rebuild on SQLite).
  const changedSchema = `${readFileSync(SCHEMA_PATH, "utf8")
    .replace(/^(model Learner \{\n)/m, '$1  nickname String @default("")\n')
    .replace(/(coolingOffHours\s+Int\s+@default\()12\)/, "$124)")}
model Extra {
  id      String   @id
  label   String   @default("")
  addedAt DateTime @default(now())

  @@index([addedAt])
}
`;

  it.each([
    ["the shipped migrations (--from-schema prisma/schema.prisma)", true],
    ["no migrations (--from-empty)", false],
  ])("writes what `prisma migrate diff` prints, starting from %s", async (_label, withShipped) => {
    const migrationsDir = path.join(dir, "migrations");
    if (withShipped) cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const schemaPath = path.join(dir, "schema.prisma");
    writeFileSync(schemaPath, changedSchema);
    const expected = await migrateDiff(withShipped ? SCHEMA_PATH : null, schemaPath);
    const postgres = { serverUrl: inject("postgresAdminUrl"), migrationsDir: path.join(dir, "pg-migrations"), schemaPath: path.join(dir, "pg-schema.prisma") };
    const created = await createMigration({ name: "extra", migrationsDir, schemaPath, postgres, now: new Date("2999-01-01T00:00:00Z") });
    expect(created).not.toBeNull();
    // New history tables get their append-only triggers after the engine's SQL.
    const triggers = HISTORY_TABLES.filter(({ table }) => expected.includes(`CREATE TABLE "${table}"`)).map((t) => appendOnlyTriggers("sqlite", t));
    expect(readFileSync(path.join(created!, "migration.sql"), "utf8")).toBe(`${[expected.trim(), ...triggers].join("\n\n")}\n`);
    expect(expected).toMatch(/CREATE TABLE "Extra"/);
    expect(expected).toMatch(/"nickname" TEXT NOT NULL DEFAULT ''/);
    expect(expected).toMatch(/"coolingOffHours" INTEGER NOT NULL DEFAULT 24/);
  });
});
