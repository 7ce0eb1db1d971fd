// `npm run content:check [-- <program-slug>…]`: validates content and lists every problem as
// file:line; exits 1 when anything must be fixed (placeholders in templates are only listed).
import { contentDir } from "../lib/env";
import { loadContent } from "../lib/content/loader";
import { formatProblemReport } from "../lib/content/report";

const only = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const index = loadContent(contentDir());
const unknown = only.filter((slug) => !index.programs.some((p) => p.slug === slug) && !index.problems.some((p) => p.program === slug));
if (unknown.length > 0) {
  console.error(`No program folder named ${unknown.join(", ")} in ${index.root}`);
  process.exit(2);
}
const { text, failing } = formatProblemReport(index, only);
console.log(text);
process.exit(failing > 0 ? 1 : 0);
