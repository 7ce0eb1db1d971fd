// `npm run learner -- <command>`: one learner profile's data in and out of this install.
//   export --learner <owner name or profile id> [-o file.json]   full JSON export (stdout without -o)
//   record --learner <owner name or profile id> -o record.zip    Markdown bundle of the learning record
//   import <file.json> --owner <user name> [--solo]              import into this install as a new profile
import { readFileSync, writeFileSync } from "node:fs";
import { connection, db } from "../lib/db";
import { AppError } from "../lib/errors";
import { parseLearnerExport } from "../lib/portability/export-format";
import { exportLearner, importLearner } from "../lib/portability/learner-data";
import { learningRecordZip } from "../lib/portability/record-zip";
import { count } from "../lib/ui/plural";

const USAGE = `Usage:
  npm run learner -- export --learner <owner name or profile id> [-o file.json]
  npm run learner -- record --learner <owner name or profile id> -o record.zip
  npm run learner -- import <file.json> --owner <user name> [--solo]`;

const [command, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const at = rest.indexOf(name);
  return at >= 0 ? rest[at + 1] : undefined;
};

async function learnerIdFor(reference: string): Promise<string> {
  const client = await db();
  const byId = await client.learner.findUnique({ where: { id: reference } });
  if (byId) return byId.id;
  const byOwner = await client.learner.findMany({ where: { owner: { name: reference } } });
  if (byOwner.length === 1) return byOwner[0]!.id;
  throw new AppError(
    "not-found",
    byOwner.length > 1 ? `${reference} has several profiles; give a profile id.` : `No learner profile for "${reference}".`,
  );
}

async function run(): Promise<string> {
  const learner = option("--learner");
  const out = option("-o");
  if (command === "export" && learner) {
    const json = `${JSON.stringify(await exportLearner(await learnerIdFor(learner)), null, 2)}\n`;
    if (!out) return json;
    writeFileSync(out, json);
    return `Wrote ${out}\n`;
  }
  if (command === "record" && learner && out) {
    writeFileSync(out, await learningRecordZip(await learnerIdFor(learner)));
    return `Wrote ${out}\n`;
  }
  const file = rest[0];
  const ownerName = option("--owner");
  if (command === "import" && file && ownerName) {
    const owner = await (await db()).user.findUnique({ where: { name: ownerName } });
    if (!owner) throw new AppError("not-found", `No user named "${ownerName}" in this install; create them first.`);
    const result = await importLearner(parseLearnerExport(readFileSync(file, "utf8")), {
      ownerId: owner.id,
      soloMode: rest.includes("--solo"),
    });
    return `Imported learner profile ${result.learnerId}: ${count(result.rows, "row")}, ${count(result.files, "file")}.\n`;
  }
  console.error(USAGE);
  process.exit(2);
}

try {
  process.stdout.write(await run());
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`Refused: ${error.message}`);
  for (const [field, problem] of Object.entries(error.fieldErrors)) console.error(`  ${field}: ${problem}`);
  process.exitCode = 1;
} finally {
  await (await connection()).$disconnect();
}
