// `npm run db:reset [-- --yes]`: deletes the database file and recreates it from the migrations.
import { existsSync, rmSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { applyPendingMigrations } from "../prisma/migrator";
import { databasePath } from "../lib/db";
import { count } from "../lib/ui/plural";

const { values } = parseArgs({ options: { yes: { type: "boolean", short: "y" } } });
const dbPath = databasePath();

if (existsSync(dbPath) && !values.yes) {
  if (!process.stdin.isTTY) {
    console.error(`Refusing to delete ${dbPath} without confirmation: run again with --yes.`);
    process.exit(1);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(`This deletes every learner, packet and review in ${dbPath}. Type "reset" to continue: `);
  prompt.close();
  if (answer.trim() !== "reset") {
    console.log("Nothing was changed.");
    process.exit(1);
  }
}
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });
const { applied } = await applyPendingMigrations({ dbPath });
console.log(`Recreated ${dbPath} with ${count(applied.length, "migration")}.`);
