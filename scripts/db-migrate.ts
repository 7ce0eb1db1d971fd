// `npm run db:migrate -- --name <name>` writes a migration from schema changes and applies it;
// `--apply` only applies pending migrations (used by start and dev). A new migration is written
// for both databases: the PostgreSQL one is diffed on a throwaway local PostgreSQL server.
import { parseArgs } from "node:util";
import { createMigration, migrateDatabase, MigrationError } from "../prisma/migrator";
import { env } from "../lib/env";
import { startThrowawayCluster } from "./postgres-cluster";

const { values } = parseArgs({ options: { name: { type: "string" }, apply: { type: "boolean" } } });

try {
  if (!values.apply) {
    if (!values.name) {
      console.error("Usage: npm run db:migrate -- --name <name>   (or --apply to apply pending migrations)");
      process.exit(2);
    }
    const cluster = await startThrowawayCluster();
    const dir = await createMigration({ name: values.name, postgres: { serverUrl: cluster.adminUrl } }).finally(cluster.stop);
    console.log(dir ? `Created ${dir}` : "The schema has not changed; no migration created.");
  }
  const { applied, backup } = await migrateDatabase(env().DATABASE_URL);
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
