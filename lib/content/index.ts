// The content the app serves: loaded once per process (re-read in development when a file
// changes), with lookups by slug that return null when nothing matches.
import { contentDir } from "../env";
import { type ContentIndex, contentSignature, type Exercise, loadContent, type Module, type Program } from "./loader";

export type { ContentIndex, ContentProblem, Exercise, Module, Program } from "./loader";

const cache = globalThis as unknown as { masteryContent?: { signature: string; index: ContentIndex } };

export function getContent(): ContentIndex {
  const root = contentDir();
  const watch = process.env.NODE_ENV !== "production";
  if (cache.masteryContent && !watch) return cache.masteryContent.index;
  const signature = watch ? contentSignature(root) : "static";
  if (cache.masteryContent?.signature === signature) return cache.masteryContent.index;
  const index = loadContent(root);
  cache.masteryContent = { signature, index };
  return index;
}

/** The programs a learner can pick: templates are for authors and come last. */
export function listPrograms(): Program[] {
  return [...getContent().programs].sort((a, b) => Number(a.meta.template) - Number(b.meta.template));
}

export function getProgram(slug: string): Program | null {
  return getContent().programs.find((p) => p.slug === slug) ?? null;
}

export function getDefaultProgram(): Program | null {
  const programs = listPrograms();
  return programs.find((p) => p.meta.default) ?? programs.find((p) => !p.meta.template) ?? programs[0] ?? null;
}

export function getModule(program: Program, slug: string): Module | null {
  return program.modules.find((m) => m.slug === slug) ?? null;
}

export function getExercise(module: Module, slug: string): Exercise | null {
  return module.exercises.find((e) => e.slug === slug) ?? null;
}

// Content is loaded once per process, so lookups derived from a program are built once per program object.
const modulesByNumber = new WeakMap<Program, Map<number, Module>>();

export function moduleByNumber(program: Program, number: number): Module | null {
  let index = modulesByNumber.get(program);
  if (!index) modulesByNumber.set(program, (index = new Map(program.modules.map((m) => [m.meta.number, m]))));
  return index.get(number) ?? null;
}

/** How a module is named in messages, the plan log and reports: "Module 3: Title". */
export function moduleLabel(mod: Module): string {
  return `Module ${mod.meta.number}: ${mod.meta.title}`;
}

/** How an exercise is named in titles, choices and search results: "Exercise 3.2: Title". */
export function exerciseLabel(mod: Module, exercise: Exercise): string {
  return `Exercise ${mod.meta.number}.${exercise.meta.number}: ${exercise.meta.title}`;
}
