// `npm run program:new -- --slug <slug> --domain "<Domain>"`: scaffolds a program from the
// async-plan template, then lists what is left to fill.
import { parseArgs } from "node:util";
import { z } from "zod";
import { contentDir } from "../lib/env";
import { loadContent } from "../lib/content/loader";
import { formatProblemReport } from "../lib/content/report";
import { NewProgramSchema, scaffoldProgram, ScaffoldError } from "../lib/content/scaffold";

const { values } = parseArgs({ options: { slug: { type: "string" }, domain: { type: "string" } } });
const parsed = NewProgramSchema.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error('Usage: npm run program:new -- --slug my-program --domain "My domain"');
  process.exit(2);
}
try {
  const dir = scaffoldProgram(contentDir(), parsed.data);
  console.log(`Created ${dir}. What is left to fill:\n`);
  console.log(formatProblemReport(loadContent(contentDir()), [parsed.data.slug]).text);
} catch (error) {
  if (error instanceof ScaffoldError || error instanceof z.ZodError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
