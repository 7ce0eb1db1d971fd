// Before serving: apply pending migrations (backing the database up first), prune sign-in
// attempts, idempotent answers and form answers past their retention period and, on an empty database, run
// the unattended setup when the MASTERY_SETUP_* variables ask for it.
import { migrateDatabase } from "../prisma/migrator";
import { setupFromEnvironment } from "../lib/auth/people";
import { getDefaultProgram } from "../lib/content";
import { connection } from "../lib/db";
import { env } from "../lib/env";
import { pruneFormAnswers, pruneIdempotentAnswers, pruneSignInAttempts } from "../lib/retention";

export async function prepareDatabase(): Promise<void> {
  const { applied, backup } = await migrateDatabase(env().DATABASE_URL);
  if (backup) console.log(`Backed up the database to ${backup}`);
  for (const name of applied) console.log(`Applied migration ${name}`);
  await pruneSignInAttempts();
  await pruneIdempotentAnswers();
  await pruneFormAnswers();
  if (await setupFromEnvironment(process.env, getDefaultProgram()?.slug ?? "")) {
    console.log("Created the first learner and reviewer from MASTERY_SETUP_* variables.");
  }
  await (await connection()).$disconnect();
}
