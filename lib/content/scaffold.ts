// Scaffolds a new program from the bundled async-plan template: a copy whose program file
// names the new domain and is no longer a template, so `content:check` lists what is left.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";

export const TEMPLATE_SLUG = "async-plan-template";

export const NewProgramSchema = z.object({
  slug: z
    .string({ error: "required: --slug my-program" })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case: lowercase letters, digits and single dashes"),
  domain: z.string({ error: 'required: --domain "My domain"' }).trim().min(1, "must not be empty"),
});
export type NewProgram = z.infer<typeof NewProgramSchema>;

export class ScaffoldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ScaffoldError";
  }
}

/** Creates `contentRoot/<slug>/` and returns its path; refuses to overwrite anything. */
export function scaffoldProgram(contentRoot: string, input: NewProgram): string {
  const { slug, domain } = NewProgramSchema.parse(input);
  const template = path.join(contentRoot, TEMPLATE_SLUG);
  const target = path.join(contentRoot, slug);
  if (!existsSync(path.join(template, "program.md"))) {
    throw new ScaffoldError("template", `the template program is missing: expected ${path.join(template, "program.md")}`);
  }
  if (existsSync(target)) throw new ScaffoldError("slug", `${target} already exists; choose another slug`);

  cpSync(template, target, { recursive: true });
  const programFile = path.join(target, "program.md");
  const text = readFileSync(programFile, "utf8");
  const end = text.indexOf("\n---", 4);
  const doc = parseDocument(text.slice(4, end));
  doc.set("title", `${domain} Mastery Program`);
  doc.set("summary", `<one sentence: who this ${domain} program is for and what they can do at the end>`);
  doc.set("template", false);
  doc.set("default", false);
  doc.setIn(["metadata", "planId"], slug);
  doc.setIn(["metadata", "domain"], domain);
  writeFileSync(programFile, `---\n${doc.toString({ lineWidth: 0 })}${text.slice(end + 1)}`);
  return target;
}
