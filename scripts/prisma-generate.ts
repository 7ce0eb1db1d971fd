// postinstall: generate the Prisma client and bring the database up to date, all offline.
// The generator never runs the native schema engine, but the CLI insists that the variable
// names an existing file, so point it at the schema itself.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { migrateDatabase, SCHEMA_PATH } from "../prisma/migrator";
import { env } from "../lib/env";
import { POSTGRES_SCHEMA_PATH } from "../prisma/postgresql";

const prisma = path.resolve("node_modules", ".bin", "prisma");
// One client per database: SQLite's (lib/generated/prisma) and PostgreSQL's (lib/generated/prisma-pg).
for (const schema of [SCHEMA_PATH, POSTGRES_SCHEMA_PATH]) {
  const result = spawnSync(prisma, ["generate", "--schema", schema], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_PATH, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { applied, backup } = await migrateDatabase(env().DATABASE_URL);
if (backup) console.log(`Backed up the database to ${backup}`);
for (const name of applied) console.log(`Applied migration ${name}`);
