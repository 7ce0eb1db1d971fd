// `npm run db:migrate -- --name <name>` writes a migration from schema changes and applies it;
// `--apply` only applies pending migrations (used by start and dev).
import { parseArgs } from "node:util";
import { applyPendingMigrations, createMigration, MigrationError } from "../prisma/migrator";
import { databasePath } from "../lib/db";

const { values } = parseArgs({ options: { name: { type: "string" }, apply: { type: "boolean" } } });

try {
  if (!values.apply) {
    if (!values.name) {
      console.error("Usage: npm run db:migrate -- --name <name>   (or --apply to apply pending migrations)");
      process.exit(2);
    }
    const dir = await createMigration({ name: values.name });
    console.log(dir ? `Created ${dir}` : "The schema has not changed; no migration created.");
  }
  const { applied, backup } = await applyPendingMigrations({ dbPath: databasePath() });
  if (backup) console.log(`Backed up the database to ${backup}`);
  for (const name of applied) console.log(`Applied migration ${name}`);
  if (applied.length === 0 && !values.apply) console.log("The database is up to date.");
} catch (error) {
  if (error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
