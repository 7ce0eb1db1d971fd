// Loads every program under the content folder into validated objects, collecting each
// problem with its file, line and field instead of failing: a broken file drops out, the rest
// keeps working.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { findLocalLinks, findPlaceholders, parseSource, type Section, splitSections } from "./markdown-source";
import { checkPrerequisites } from "./graph";
import { hoursProblems } from "./hours";
import {
  EXERCISE_SECTIONS,
  type ExerciseMeta,
  ExerciseSchema,
  type ExerciseSectionId,
  type ModuleMeta,
  ModuleSchema,
  type ProgramMeta,
  ProgramSchema,
  SECTION_HEADINGS,
  type SectionId,
} from "./schema";
import { nounFor } from "../ui/plural";

type ProblemKind = "error" | "placeholder" | "todo";

export type ContentProblem = {
  /** Slug of the program folder the file belongs to. */
  program: string;
  /** Path relative to the project root, e.g. `content/x/modules/01-a.md`. */
  file: string;
  line: number;
  field: string;
  message: string;
  kind: ProblemKind;
};

export type Exercise = {
  slug: string;
  file: string;
  meta: ExerciseMeta;
  parts: Record<Exclude<ExerciseSectionId, "hints">, string> & { hints: string[] };
};

export type Module = {
  slug: string;
  file: string;
  meta: ModuleMeta;
  body: string;
  sections: Partial<Record<SectionId, Section>>;
  exercises: Exercise[];
};

type PlaybookSkeleton = { index?: string; scenarios?: string; checklists?: string };

export type Program = {
  slug: string;
  dir: string;
  file: string;
  meta: ProgramMeta;
  body: string;
  modules: Module[];
  playbook: PlaybookSkeleton;
};

export type ContentIndex = {
  root: string;
  programs: Program[];
  problems: ContentProblem[];
};

const NUMBERED = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)(\.md)?$/;

class ProblemList {
  readonly items: ContentProblem[] = [];
  constructor(
    private readonly projectRoot: string,
    private readonly contentRoot: string,
  ) {}
  add(absFile: string, line: number, field: string, message: string, kind: ProblemKind = "error") {
    const program = path.relative(this.contentRoot, absFile).split(path.sep)[0] ?? "";
    const relative = path.relative(this.projectRoot, absFile);
    const file = relative.startsWith("..") ? absFile : relative;
    this.items.push({ program, file, line, field, message, kind });
  }
}

function readValidated<T extends z.ZodType>(
  absFile: string,
  schema: T,
  problems: ProblemList,
): { meta: z.infer<T>; body: string; bodyLine: number } | null {
  const source = parseSource(readFileSync(absFile, "utf8"));
  for (const error of source.yamlErrors) problems.add(absFile, error.line, "frontmatter", error.message);
  if (source.yamlErrors.length > 0) return null;
  const parsed = schema.safeParse(source.data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.join(".") : "frontmatter";
      problems.add(absFile, source.lineOf(issue.path), field, describeIssue(issue));
    }
    return null;
  }
  return { meta: parsed.data, body: source.body, bodyLine: source.bodyLine };
}

/** A zod issue in the words the content check uses. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  if (issue.code === "unrecognized_keys") return `unknown ${nounFor(issue.keys.length, "field")} ${issue.keys.join(", ")}`;
  return issue.message
    .replace(/^Invalid input: /, "")
    .replace(/expected (\w+), received undefined/, "required: expected $1");
}

function scanText(absFile: string, programDir: string, problems: ProblemList): void {
  const text = readFileSync(absFile, "utf8");
  for (const link of findLocalLinks(text)) {
    const target = path.resolve(path.dirname(absFile), decodeURIComponent(link.href.split("#")[0]!));
    if (!target.startsWith(programDir + path.sep)) {
      problems.add(absFile, link.line, "link", `link ${link.href} leaves the program folder`);
    } else if (!existsSync(target)) {
      problems.add(absFile, link.line, "link", `link ${link.href} points to a file that does not exist`);
    }
  }
  for (const found of findPlaceholders(text)) {
    problems.add(
      absFile,
      found.line,
      found.kind === "todo" ? "text" : "placeholder",
      found.kind === "todo" ? `${found.text} left in the text` : `unfilled placeholder ${found.text}`,
      found.kind,
    );
  }
}

function listNumbered(dir: string, wantFiles: boolean): { number: number; slug: string; name: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => (wantFiles ? entry.isFile() && entry.name.endsWith(".md") : entry.isDirectory()))
    .map((entry) => ({ entry, match: NUMBERED.exec(entry.name) }))
    .filter((item) => item.match && (wantFiles ? item.match[3] : !item.match[3]))
    .map(({ entry, match }) => ({ number: Number(match![1]), slug: match![2]!, name: entry.name }))
    .sort((a, b) => a.number - b.number);
}

function loadExercise(absFile: string, slug: string, problems: ProblemList): Exercise | null {
  const loaded = readValidated(absFile, ExerciseSchema, problems);
  if (!loaded) return null;
  const { sections } = splitSections(loaded.body);
  const byHeading = new Map(sections.map((s) => [s.heading, s]));
  const parts: Partial<Exercise["parts"]> = {};
  let valid = true;
  for (const [id, heading] of Object.entries(EXERCISE_SECTIONS) as [ExerciseSectionId, string][]) {
    const section = byHeading.get(heading);
    if (!section || section.content === "") {
      const line = section ? loaded.bodyLine + section.line - 1 : loaded.bodyLine;
      problems.add(absFile, line, `body.${id}`, section ? `section "## ${heading}" is empty` : `missing section "## ${heading}"`);
      valid = false;
      continue;
    }
    if (id === "hints") {
      const hints = splitSections(section.content, 3).sections.map((hint) => hint.content).filter(Boolean);
      if (hints.length < 2 || hints.length > 4) {
        problems.add(absFile, loaded.bodyLine + section.line - 1, "body.hints", `expected 2–4 "### Hint N" parts, got ${hints.length}`);
        valid = false;
      }
      parts.hints = hints;
    } else {
      parts[id] = section.content;
    }
  }
  return valid ? { slug, file: absFile, meta: loaded.meta, parts: parts as Exercise["parts"] } : null;
}

function loadModule(programDir: string, entry: { number: number; slug: string; name: string }, problems: ProblemList): Module | null {
  const absFile = path.join(programDir, "modules", entry.name);
  const loaded = readValidated(absFile, ModuleSchema, problems);
  if (!loaded) return null;
  const { meta } = loaded;
  if (meta.number !== entry.number) {
    problems.add(absFile, 1, "number", `expected ${entry.number} to match the file name ${entry.name}, got ${meta.number}`);
  }
  const { sections } = splitSections(loaded.body);
  const found: Partial<Record<SectionId, Section>> = {};
  for (const id of meta.sections) {
    const heading = SECTION_HEADINGS[id];
    const section = sections.find((s) => s.heading === heading);
    if (!section) problems.add(absFile, loaded.bodyLine, `body.${id}`, `missing section "## ${heading}" listed in sections`);
    else if (section.content === "") problems.add(absFile, loaded.bodyLine + section.line - 1, `body.${id}`, `section "## ${heading}" is empty`);
    else found[id] = section;
  }
  const exercisesDir = path.join(programDir, "exercises", entry.name.replace(/\.md$/, ""));
  const exercises = listNumbered(exercisesDir, true)
    .map((ex, index) => {
      const exFile = path.join(exercisesDir, ex.name);
      const exercise = loadExercise(exFile, ex.slug, problems);
      if (exercise && exercise.meta.module !== meta.number) {
        problems.add(exFile, 1, "module", `expected ${meta.number} (the module folder), got ${exercise.meta.module}`);
      }
      if (exercise && exercise.meta.number !== ex.number) {
        problems.add(exFile, 1, "number", `expected ${ex.number} to match the file name, got ${exercise.meta.number}`);
      }
      if (ex.number !== index + 1) problems.add(exFile, 1, "number", `exercises must be numbered 1, 2, 3 … without gaps`);
      return exercise;
    })
    .filter((ex): ex is Exercise => ex !== null);
  return { slug: entry.slug, file: absFile, meta, body: loaded.body, sections: found, exercises };
}

function loadPlaybook(programDir: string): PlaybookSkeleton {
  const read = (name: string) => {
    const file = path.join(programDir, "playbook", `${name}.md`);
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  };
  return { index: read("index"), scenarios: read("scenarios"), checklists: read("checklists") };
}

function markdownFilesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function loadProgram(programDir: string, problems: ProblemList): Program | null {
  const slug = path.basename(programDir);
  const file = path.join(programDir, "program.md");
  if (!existsSync(file)) {
    problems.add(file, 1, "program.md", "missing program file: every program folder needs a program.md");
    return null;
  }
  const loaded = readValidated(file, ProgramSchema, problems);
  for (const md of markdownFilesOf(programDir)) scanText(md, programDir, problems);
  if (!loaded) return null;
  const modules = listNumbered(path.join(programDir, "modules"), true)
    .map((entry) => loadModule(programDir, entry, problems))
    .filter((m): m is Module => m !== null);
  for (const issue of checkPrerequisites(modules.map((m) => ({ number: m.meta.number, prerequisites: m.meta.prerequisites })))) {
    const mod = modules.find((m) => m.meta.number === issue.module)!;
    problems.add(mod.file, parseSource(readFileSync(mod.file, "utf8")).lineOf(["prerequisites"]), "prerequisites", issue.message);
  }
  // A template's hours are placeholders for its authors; the hours rule applies once it is a real program.
  if (!loaded.meta.template) {
    for (const mod of modules) {
      const source = parseSource(readFileSync(mod.file, "utf8"));
      for (const issue of hoursProblems(mod)) problems.add(mod.file, source.lineOf(issue.path), issue.path.join("."), issue.message);
    }
  }
  return { slug, dir: programDir, file, meta: loaded.meta, body: loaded.body, modules, playbook: loadPlaybook(programDir) };
}

/** Loads every program folder under `root`. Never throws for bad content. */
export function loadContent(root: string, projectRoot = process.cwd()): ContentIndex {
  const problems = new ProblemList(projectRoot, root);
  const dirs = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
        .map((entry) => path.join(root, entry.name))
        .sort()
    : [];
  const programs = dirs.map((dir) => loadProgram(dir, problems)).filter((p): p is Program => p !== null);
  const defaults = programs.filter((p) => p.meta.default);
  if (defaults.length > 1) {
    for (const p of defaults.slice(1)) problems.add(p.file, 1, "default", `only one program may be the default; ${defaults[0]!.slug} already is`);
  }
  return { root, programs, problems: problems.items };
}

/** The problems that make content invalid: errors always, placeholders except in templates. */
export function failingProblems(index: ContentIndex): ContentProblem[] {
  const templates = new Set(index.programs.filter((p) => p.meta.template).map((p) => p.slug));
  return index.problems.filter((problem) => problem.kind === "error" || !templates.has(problem.program));
}

/** A signature of the content tree that changes when any file is added, removed or edited. */
export function contentSignature(root: string): string {
  if (!existsSync(root)) return "missing";
  let latest = 0;
  let count = 0;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const stat = statSync(path.join(entry.parentPath, entry.name));
    latest = Math.max(latest, stat.mtimeMs);
    count += 1;
  }
  return `${count}:${latest}`;
}
