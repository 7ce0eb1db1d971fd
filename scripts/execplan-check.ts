// `npm run execplan:check -- PLAN.md… [--previous OLD.md] [--terms TERMS.txt]`: checks ExecPlan
// files against the rules (see /plans/rules). Exit 0 when no file has an error (warnings are
// listed), 1 when one has, 2 on a usage or read error.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkPlan } from "../lib/execplans/check";
import { parseTermList } from "../lib/execplans/jargon";
import { formatCheckReport } from "../lib/execplans/report";

const USAGE = "Usage: npm run execplan:check -- PLAN.md [more.md…] [--previous OLD.md] [--terms TERMS.txt]";

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { previous: { type: "string" }, terms: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length === 0) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const previous = values.previous ? read(values.previous) : undefined;
const terms = values.terms ? parseTermList(read(values.terms)) : undefined;
let failing = 0;
for (const file of positionals) {
  const result = checkPlan(read(file), { previous, terms });
  console.log(formatCheckReport(file, result));
  if (result.errors > 0) failing++;
}
process.exit(failing > 0 ? 1 : 0);
