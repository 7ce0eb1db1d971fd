// The mastery commands of the library: patterns and playbook entries listed, read, created,
// updated against the version they are based on, archived, and the library zip exported and
// imported (previewed first, then applied with the preview's fingerprint).
import path from "node:path";
import type { ApiAnswer } from "./client";
import { binaryCommand, type Command, idempotencyOption, post, readJsonFile, readOrExplain, replayNote, type RunContext } from "./command-kit";

// Shapes of the answers the commands print (the API documents them fully at /api/v1/openapi.json).
type Actor = { kind: string; label: string };
type Pattern = { slug: string; title: string; category: string; tags: string[]; version: number; archived: boolean; actor: Actor } & Record<string, unknown>;
type Entry = { slug: string; title: string; kind: string; body: string; version: number; archived: boolean; actor: Actor };
type PlanItem = { kind: string; slug: string; title: string; file: string; changes?: string[] };
type Plan = {
  problems: { file: string; message: string }[];
  newCategories: string[];
  create: PlanItem[];
  update: PlanItem[];
  unchanged: PlanItem[];
  fingerprint: string;
};

const slugArg = (what: string) => ({ name: "slug", help: `the ${what}'s slug, e.g. ${what === "pattern" ? "budget-the-context" : "before-a-long-session"}` });
const bodyOption = (what: string) =>
  ({ file: { type: "string", value: "FILE|-", help: `the ${what} as JSON (fields as in /api); - reads standard input`, required: true } }) as const;
const versionOption = {
  version: { type: "string", value: "N", help: "the version the change is based on (from get); another version saved since refuses it (exit 5)", required: true },
} as const;
const archiveOptions = { restore: { type: "boolean", help: "restore an archived item instead" }, ...idempotencyOption } as const;
const checkVersion = (o: Record<string, unknown>) => (/^[1-9]\d*$/.test(String(o.version)) ? null : "--version is a version number such as 1.");

const savedBy = (item: { version: number; actor: Actor }) => `v${item.version}, saved by ${item.actor.kind} ${item.actor.label}`;
const state = (item: { archived: boolean }) => (item.archived ? " · archived" : "");
const changeNote = (answer: ApiAnswer) => ((answer.body as { changed?: boolean }).changed === false ? " Nothing changed, so no new version was saved." : "");

async function jsonObject(ctx: RunContext): Promise<Record<string, unknown>> {
  const value = await readJsonFile(ctx, String(ctx.options.file));
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { value };
  return value as Record<string, unknown>;
}

function describePattern(p: Pattern): string {
  const sections: [string, string][] = [
    ["Problem", "problem"],
    ["When to use", "whenToUse"],
    ["How to apply", "howToApply"],
    ["Trade-offs", "tradeOffs"],
    ["Alternatives", "alternatives"],
    ["Examples", "examples"],
  ];
  return [
    `${p.title} (${p.slug}) — ${p.category}${p.tags.length > 0 ? ` ${p.tags.map((t) => `#${t}`).join(" ")}` : ""}`,
    `${savedBy(p)}${state(p)}`,
    ...sections.filter(([, key]) => String(p[key] ?? "") !== "").flatMap(([heading, key]) => ["", `## ${heading}`, String(p[key])]),
  ].join("\n");
}

function describePlan(plan: Plan): string[] {
  const items = (title: string, list: PlanItem[]) =>
    list.length === 0 ? [] : [`${title} (${list.length}):`, ...list.map((i) => `  ${i.kind}:${i.slug}  ${i.title}${i.changes ? ` — ${i.changes.join(", ")}` : ""}`)];
  return [
    ...(plan.problems.length > 0 ? [`Problems (${plan.problems.length}), nothing can be imported until they are fixed:`, ...plan.problems.map((p) => `  ${p.file}: ${p.message}`)] : []),
    ...(plan.newCategories.length > 0 ? [`New categories: ${plan.newCategories.join(", ")}`] : []),
    ...items("Create", plan.create),
    ...items("Update as a new version (keep one with --keep kind:slug)", plan.update),
    `Unchanged: ${plan.unchanged.length}`,
  ];
}

export const LIBRARY_COMMANDS: Command[] = [
  {
    name: "patterns list",
    summary: "Your patterns, 50 a page: by tag or category, searched",
    args: [],
    options: {
      search: { type: "string", value: "TEXT", help: "full-text search" },
      tag: { type: "string", value: "TAG", help: "only patterns with this tag" },
      category: { type: "string", value: "CATEGORY", help: "only patterns in this category" },
      archived: { type: "boolean", help: "the archived patterns instead of the active ones" },
      page: { type: "string", value: "N", help: "the page (default 1)" },
    },
    examples: ["mastery patterns list", "mastery patterns list --tag tokens --json", "mastery patterns list --search 'flaky test'"],
    async run(ctx) {
      const { search, tag, category, archived, page } = ctx.options;
      const query = { q: search as string | undefined, tag: tag as string | undefined, category: category as string | undefined, archived: archived ? "true" : undefined, page: page as string | undefined };
      const { body } = await ctx.call({ method: "GET", path: "/api/v1/patterns", query });
      const list = body as { patterns: { slug: string; title: string; category: string; version: number }[]; page: number; pages: number; total: number };
      if (list.total === 0) return { text: "No patterns match.", json: body };
      const width = Math.max(...list.patterns.map((p) => p.slug.length));
      const rows = list.patterns.map((p) => `  ${p.slug.padEnd(width)}  v${p.version}  ${p.category}  ${p.title}`);
      return { text: [...rows, "", `Page ${list.page} of ${list.pages} · ${list.total} pattern${list.total === 1 ? "" : "s"}`].join("\n"), json: body };
    },
  },
  {
    name: "patterns get",
    summary: "One pattern with its sections, version and who saved it",
    args: [slugArg("pattern")],
    options: {},
    examples: ["mastery patterns get budget-the-context", "mastery patterns get budget-the-context --json"],
    async run(ctx) {
      const { body } = await ctx.call({ method: "GET", path: `/api/v1/patterns/${encodeURIComponent(ctx.args.slug!)}` });
      return { text: describePattern((body as { pattern: Pattern }).pattern), json: body };
    },
  },
  {
    name: "patterns create",
    summary: "Record a new pattern from a JSON file (saved by your agent)",
    args: [],
    options: { ...bodyOption("pattern"), ...idempotencyOption },
    examples: [
      "mastery patterns create --file pattern.json",
      `echo '{"title":"Budget the context","category":"speed","problem":"…","whenToUse":"…","howToApply":"…"}' | mastery patterns create --file -`,
    ],
    async run(ctx) {
      const answer = await post(ctx, "/api/v1/patterns", await jsonObject(ctx));
      const { pattern } = answer.body as { pattern: Pattern };
      return { text: `Created pattern ${pattern.slug} (${savedBy(pattern)}).${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "patterns update",
    summary: "Save a new version of a pattern: the fields in the JSON file, over the current text",
    args: [slugArg("pattern")],
    options: { ...versionOption, ...bodyOption("fields to change"), ...idempotencyOption },
    check: checkVersion,
    examples: [`echo '{"whenToUse":"Sessions of hours."}' | mastery patterns update budget-the-context --version 1 --file -`],
    async run(ctx) {
      const fields = await jsonObject(ctx);
      const answer = await post(ctx, `/api/v1/patterns/${encodeURIComponent(ctx.args.slug!)}`, { ...fields, expectedVersion: Number(ctx.options.version) });
      const { pattern } = answer.body as { pattern: Pattern };
      return { text: `Pattern ${pattern.slug} is ${savedBy(pattern)}.${changeNote(answer)}${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "patterns archive",
    summary: "Archive a pattern (or restore it with --restore)",
    args: [slugArg("pattern")],
    options: archiveOptions,
    examples: ["mastery patterns archive budget-the-context", "mastery patterns archive budget-the-context --restore"],
    async run(ctx) {
      const answer = await post(ctx, `/api/v1/patterns/${encodeURIComponent(ctx.args.slug!)}/archive`, { archived: ctx.options.restore !== true });
      const { pattern } = answer.body as { pattern: Pattern };
      return { text: `${pattern.archived ? "Archived" : "Restored"} pattern ${pattern.slug} (${savedBy(pattern)}).${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "playbook list",
    summary: "Your playbook entries by title",
    args: [],
    options: {
      kind: { type: "string", value: "KIND", help: "only quick-reference, scenario, checklist or decision-tree entries" },
      archived: { type: "boolean", help: "the archived entries instead of the active ones" },
    },
    examples: ["mastery playbook list", "mastery playbook list --kind checklist"],
    async run(ctx) {
      const query = { kind: ctx.options.kind as string | undefined, archived: ctx.options.archived ? "true" : undefined };
      const { body } = await ctx.call({ method: "GET", path: "/api/v1/playbook/entries", query });
      const { entries } = body as { entries: { slug: string; title: string; kind: string; version: number }[] };
      if (entries.length === 0) return { text: "No playbook entries match.", json: body };
      const width = Math.max(...entries.map((e) => e.slug.length));
      return { text: entries.map((e) => `  ${e.slug.padEnd(width)}  v${e.version}  ${e.kind}  ${e.title}`).join("\n"), json: body };
    },
  },
  {
    name: "playbook get",
    summary: "One playbook entry with its text, version and who saved it",
    args: [slugArg("entry")],
    options: {},
    examples: ["mastery playbook get before-a-long-session"],
    async run(ctx) {
      const { body } = await ctx.call({ method: "GET", path: `/api/v1/playbook/entries/${encodeURIComponent(ctx.args.slug!)}` });
      const { entry } = body as { entry: Entry };
      return { text: [`${entry.title} (${entry.slug}) — ${entry.kind}`, `${savedBy(entry)}${state(entry)}`, "", entry.body].join("\n"), json: body };
    },
  },
  {
    name: "playbook create",
    summary: "Record a new playbook entry from a JSON file (saved by your agent)",
    args: [],
    options: { ...bodyOption("entry"), ...idempotencyOption },
    examples: [`echo '{"title":"Before a long session","kind":"checklist","body":"- [ ] Budget the context"}' | mastery playbook create --file -`],
    async run(ctx) {
      const answer = await post(ctx, "/api/v1/playbook/entries", await jsonObject(ctx));
      const { entry } = answer.body as { entry: Entry };
      return { text: `Created playbook entry ${entry.slug} (${savedBy(entry)}).${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "playbook update",
    summary: "Save a new version of a playbook entry: the fields in the JSON file, over the current text",
    args: [slugArg("entry")],
    options: { ...versionOption, ...bodyOption("fields to change"), ...idempotencyOption },
    check: checkVersion,
    examples: [`echo '{"title":"Before a long run"}' | mastery playbook update before-a-long-session --version 1 --file -`],
    async run(ctx) {
      const fields = await jsonObject(ctx);
      const answer = await post(ctx, `/api/v1/playbook/entries/${encodeURIComponent(ctx.args.slug!)}`, { ...fields, expectedVersion: Number(ctx.options.version) });
      const { entry } = answer.body as { entry: Entry };
      return { text: `Playbook entry ${entry.slug} is ${savedBy(entry)}.${changeNote(answer)}${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "playbook archive",
    summary: "Archive a playbook entry (or restore it with --restore)",
    args: [slugArg("entry")],
    options: archiveOptions,
    examples: ["mastery playbook archive before-a-long-session"],
    async run(ctx) {
      const answer = await post(ctx, `/api/v1/playbook/entries/${encodeURIComponent(ctx.args.slug!)}/archive`, { archived: ctx.options.restore !== true });
      const { entry } = answer.body as { entry: Entry };
      return { text: `${entry.archived ? "Archived" : "Restored"} playbook entry ${entry.slug} (${savedBy(entry)}).${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "library export",
    summary: "Your whole library as a zip of Markdown files",
    args: [],
    options: { output: { type: "string", short: "o", value: "FILE", help: "the zip file to write", required: true } },
    examples: ["mastery library export -o library.zip"],
    run: (ctx) => binaryCommand(ctx, "/api/v1/library/export", "the library"),
  },
  {
    name: "library import",
    summary: "Preview importing a library zip; with --apply and the preview's fingerprint, import it",
    args: [{ name: "file", help: "a library zip (or an exported playbook .md file)" }],
    options: {
      apply: { type: "boolean", help: "import it (after a preview): needs --fingerprint" },
      fingerprint: { type: "string", value: "TEXT", help: "the fingerprint the preview printed" },
      keep: { type: "string", value: "KIND:SLUG,…", help: "with --apply: conflicts to leave as they are, e.g. pattern:budget-the-context" },
      ...idempotencyOption,
    },
    check: (o) =>
      o.apply === true && o.fingerprint === undefined
        ? "--apply needs --fingerprint from the preview: run mastery library import FILE first."
        : o.apply !== true && (o.fingerprint !== undefined || o.keep !== undefined)
          ? "--fingerprint and --keep go with --apply."
          : null,
    examples: ["mastery library import library.zip", "mastery library import library.zip --apply --fingerprint 3f2a… --keep pattern:budget-the-context"],
    async run(ctx) {
      const file = ctx.args.file!;
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(await readOrExplain(ctx, file))]), path.basename(file));
      if (ctx.options.apply !== true) {
        const { body } = await ctx.call({ method: "POST", path: "/api/v1/library/import/preview", form });
        const { plan } = body as { plan: Plan };
        const next =
          plan.problems.length > 0 ? [] : ["", `To import it: mastery library import ${file} --apply --fingerprint ${plan.fingerprint}`];
        return { text: [`Preview of ${file} (nothing written):`, ...describePlan(plan), ...next].join("\n"), json: body };
      }
      form.set("fingerprint", String(ctx.options.fingerprint));
      if (typeof ctx.options.keep === "string") form.set("keep", ctx.options.keep);
      const answer = await post(ctx, "/api/v1/library/import/apply", undefined, form);
      const { result } = answer.body as { result: { created: number; updated: number; kept: number; unchanged: number; categories: number } };
      return {
        text: `Imported ${file}: ${result.created} created, ${result.updated} updated, ${result.kept} kept as they were, ${result.unchanged} unchanged, ${result.categories} new categories.${replayNote(answer)}`,
        json: answer.body,
      };
    },
  },
];
