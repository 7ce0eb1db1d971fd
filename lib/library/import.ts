// Importing an exported library back: a zip, a folder of files or the single playbook file is
// read and checked as a whole first. The plan lists what would be created, which existing
// entries (same slug) would get a new version, and every bad file by name; nothing is written
// unless the whole import is valid, and then it is written in one transaction. Reading and
// checking a large upload takes seconds, so it runs in slices (lib/slices.ts) outside any
// transaction; the transaction only confirms the library is as checked and writes, in batches.
// Checklist ticks an export carried ("with my ticks") are written with their entries.
import { createHash, randomUUID } from "node:crypto";
import { BULK_WRITE_TIMEOUT_MS, db, insertRows, type StoredRow, storedTime, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { pacer, runInSlices } from "../slices";
import { type EntryReader, readZip, ZipError } from "../zip";
import { ownLibrary } from "./access";
import {
  type FileProblem,
  isSingleFile,
  libraryFileKind,
  type ParsedLibrary,
  parseLibrarySteps,
  parseSingleFileSteps,
} from "./markdown-format";
import { contextProblems, knownCategories, newPatternRows, patternData, type PatternRow, samePattern, writePattern } from "./patterns";
import { entryData, newEntryRows, type EntryRow, sameEntry, writeEntry } from "./playbook";
import { checklistKeys, parseChecklist } from "./structure";
import type { Actor } from "../auth/actor";
import {
  CategorySlugSchema,
  PATTERN_SECTIONS,
  type PatternData,
  PatternInputSchema,
  type PlaybookEntryData,
  PlaybookEntryInputSchema,
} from "./schema";

export type UploadedFile = { name: string; bytes: Uint8Array };

export const IMPORT_LIMITS = { uploadBytes: 20 * 1024 * 1024, unpackedBytes: 50 * 1024 * 1024, files: 5000 } as const;

const emptyParse = (): ParsedLibrary => ({ categories: [], patterns: [], entries: [], problems: [], ignored: [] });

function decode(name: string, bytes: Uint8Array, problems: FileProblem[]): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    problems.push({ file: name, message: "is not UTF-8 text" });
    return null;
  }
}

async function unzip(upload: UploadedFile, out: ParsedLibrary): Promise<Map<string, Uint8Array> | null> {
  const files = new Map<string, Uint8Array[]>();
  const collect = (name: string): EntryReader | undefined => {
    if (!name.endsWith(".md")) return undefined;
    const chunks: Uint8Array[] = [];
    files.set(name, chunks);
    return (chunk) => chunks.push(chunk);
  };
  try {
    await readZip([upload.bytes], collect, { entries: IMPORT_LIMITS.files, bytes: IMPORT_LIMITS.unpackedBytes });
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    out.problems.push({ file: upload.name, message: error.message });
    return null;
  }
  return new Map([...files].map(([name, chunks]) => [name, Buffer.concat(chunks)]));
}

/** Reads an upload: one zip, one exported playbook file, or the files of a folder (with their relative paths as names). */
export async function readUpload(uploads: UploadedFile[]): Promise<ParsedLibrary> {
  if (uploads.length === 0)
    throw new AppError("invalid", "Choose what to import.", { files: "choose a zip, a folder or an exported playbook file" });
  const total = uploads.reduce((n, u) => n + u.bytes.byteLength, 0);
  if (total > IMPORT_LIMITS.uploadBytes)
    throw new AppError("invalid", "The upload is too large.", {
      files: `imports are limited to ${IMPORT_LIMITS.uploadBytes / 1024 / 1024} MB`,
    });
  const out = emptyParse();
  const single = uploads.length === 1 ? uploads[0]! : null;
  const zipped = single !== null && /\.zip$/i.test(single.name);
  let files: Map<string, Uint8Array>;
  if (zipped) {
    const unpacked = await unzip(single, out);
    if (!unpacked) return out;
    files = unpacked;
  } else files = new Map(uploads.filter((u) => /\.md$/i.test(u.name)).map((u) => [u.name, u.bytes]));
  for (const u of uploads) if (!/\.(md|zip)$/i.test(u.name)) out.ignored.push(u.name);

  const texts = new Map<string, string>();
  for (const [name, bytes] of files) {
    const text = decode(name, bytes, out.problems);
    if (text !== null) texts.set(name, text);
  }
  const [only] = texts.size === 1 ? texts : [];
  if (only && isSingleFile(only[1])) return merge(out, await runInSlices(parseSingleFileSteps(...only)));
  if (only && single && !zipped && libraryFileKind(only[0]) === null) {
    out.problems.push({
      file: single.name,
      message: "is not an exported playbook file; to import separate pattern files, upload the zip or the whole folder",
    });
    return out;
  }
  const parsed = merge(out, await runInSlices(parseLibrarySteps(texts)));
  if (parsed.problems.length === 0 && parsed.patterns.length + parsed.entries.length + parsed.categories.length === 0) {
    parsed.problems.push({
      file: single?.name ?? "the folder",
      message: "holds no library files (docs/patterns/<category>/<slug>.md, docs/playbook/index.md, scenarios.md, checklists.md)",
    });
  }
  return parsed;
}

function merge(into: ParsedLibrary, from: ParsedLibrary): ParsedLibrary {
  return {
    categories: [...into.categories, ...from.categories],
    patterns: [...into.patterns, ...from.patterns],
    entries: [...into.entries, ...from.entries],
    problems: [...into.problems, ...from.problems],
    ignored: [...into.ignored, ...from.ignored],
  };
}

export type PlanItem = {
  kind: "pattern" | "entry";
  slug: string;
  title: string;
  file: string;
  currentVersion?: number;
  changes?: string[];
};
export type ImportPlan = {
  problems: FileProblem[];
  ignored: string[];
  newCategories: string[];
  create: PlanItem[];
  /** Existing entries (same slug) whose text differs: the conflicts, updated as a new version unless kept. */
  update: PlanItem[];
  unchanged: PlanItem[];
  /** Identifies this plan against the library's current state, so an apply matches what was previewed. */
  fingerprint: string;
};

const PATTERN_LABELS: Record<keyof PatternData, string> = {
  title: "title",
  slug: "slug",
  category: "category",
  tags: "tags",
  ...(Object.fromEntries(PATTERN_SECTIONS.map((s) => [s.key, s.heading.toLowerCase()])) as Record<
    (typeof PATTERN_SECTIONS)[number]["key"],
    string
  >),
  sourceModule: "source module",
  sourceExercise: "source exercise",
  archived: "archived",
};

function changedFields<T extends object>(a: T, b: T, labels: Record<keyof T, string>): string[] {
  return (Object.keys(labels) as (keyof T)[]).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).map((key) => labels[key]);
}

type Checked = {
  plan: ImportPlan;
  patterns: { data: PatternData; existing: PatternRow | null }[];
  /** `ticks`: the checklist's ticked item keys the upload carried, if it carried them. */
  entries: { data: PlaybookEntryData; existing: EntryRow | null; ticks?: string[] }[];
  /** The state of the library the plan was made against (see `libraryState`). */
  state: string;
};

type Versioned = { slug: string; version: number };

/** What a plan depends on in the library: its categories and the version of every item the upload names. */
function stateOf(categories: string[], patterns: Versioned[], entries: Versioned[]): string {
  const versions = (rows: Versioned[]) => rows.map((row) => `${row.slug}@${row.version}`).sort();
  return JSON.stringify([categories, versions(patterns), versions(entries)]);
}

/** The library's state now, for the items of a checked upload. */
async function libraryState(client: Tx, learnerId: string, checked: Checked): Promise<string> {
  const select = { slug: true, version: true } as const;
  const [categories, patterns, entries] = await Promise.all([
    knownCategories(learnerId, client),
    client.pattern.findMany({ where: { learnerId, slug: { in: checked.patterns.map((p) => p.data.slug) } }, select }),
    client.playbookEntry.findMany({ where: { learnerId, slug: { in: checked.entries.map((e) => e.data.slug) } }, select }),
  ]);
  return stateOf(categories, patterns, entries);
}

function issues(file: string, what: string, error: { issues: { path: PropertyKey[]; message: string }[] }): FileProblem[] {
  return error.issues.map((issue) => ({
    file,
    message: `${what}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`,
  }));
}

/** Checks the upload against the library, giving the event loop a turn between items. */
async function check(client: Tx, learner: { id: string; programSlug: string }, parsed: ParsedLibrary): Promise<Checked> {
  const pause = pacer();
  const problems = [...parsed.problems];
  const known = await knownCategories(learner.id, client);
  const newCategories = new Set<string>();
  const wanted = [...parsed.categories, ...parsed.patterns.map((p) => String(p.input.category ?? ""))];
  for (const category of wanted) {
    if (known.includes(category) || newCategories.has(category) || category === "") continue;
    if (CategorySlugSchema.safeParse(category).success) newCategories.add(category);
    else
      problems.push({
        file: parsed.patterns.find((p) => p.input.category === category)?.file ?? "docs/patterns/README.md",
        message: `category “${category}”: use lowercase letters a–z, digits and single dashes`,
      });
  }
  const categories = [...known, ...newCategories];

  const patterns: { file: string; data: PatternData }[] = [];
  for (const { file, input } of parsed.patterns) {
    await pause();
    const what = `pattern ${String(input.slug ?? "")}`;
    const result = PatternInputSchema.safeParse(input);
    if (!result.success) problems.push(...issues(file, what, result.error));
    else {
      const context = contextProblems(learner.programSlug, categories, result.data);
      for (const [field, message] of Object.entries(context)) problems.push({ file, message: `${what}: ${field}: ${message}` });
      patterns.push({ file, data: result.data });
    }
  }
  const entries: { file: string; data: PlaybookEntryData; ticks?: string[] }[] = [];
  for (const { file, input, ticks } of parsed.entries) {
    await pause();
    const result = PlaybookEntryInputSchema.safeParse(input);
    if (!result.success) problems.push(...issues(file, `entry ${String(input.slug ?? "")}`, result.error));
    else entries.push({ file, data: result.data, ...(ticks ? { ticks: knownTicks(result.data, ticks) } : {}) });
  }
  for (const [label, items] of [
    ["pattern", patterns],
    ["entry", entries],
  ] as const) {
    const seen = new Map<string, string>();
    for (const item of items) {
      const earlier = seen.get(item.data.slug);
      if (earlier !== undefined)
        problems.push({ file: item.file, message: `${label} ${item.data.slug} appears twice (also in ${earlier})` });
      seen.set(item.data.slug, item.file);
    }
  }

  const [existingPatterns, existingEntries] = await Promise.all([
    client.pattern.findMany({ where: { learnerId: learner.id, slug: { in: patterns.map((p) => p.data.slug) } } }),
    client.playbookEntry.findMany({ where: { learnerId: learner.id, slug: { in: entries.map((e) => e.data.slug) } } }),
  ]);
  const plan: ImportPlan = {
    problems,
    ignored: parsed.ignored,
    newCategories: [...newCategories].sort(),
    create: [],
    update: [],
    unchanged: [],
    fingerprint: "",
  };
  const checked: Checked = { plan, patterns: [], entries: [], state: stateOf(known, existingPatterns, existingEntries) };
  for (const { file, data } of patterns) {
    await pause();
    const existing = existingPatterns.find((row) => row.slug === data.slug) ?? null;
    const item: PlanItem = { kind: "pattern", slug: data.slug, title: data.title, file, currentVersion: existing?.version };
    if (!existing) plan.create.push(item);
    else if (samePattern(data, patternData(existing))) plan.unchanged.push(item);
    else plan.update.push({ ...item, changes: changedFields(patternData(existing), data, PATTERN_LABELS) });
    checked.patterns.push({ data, existing });
  }
  for (const { file, data, ticks } of entries) {
    await pause();
    const existing = existingEntries.find((row) => row.slug === data.slug) ?? null;
    const item: PlanItem = { kind: "entry", slug: data.slug, title: data.title, file, currentVersion: existing?.version };
    if (!existing) plan.create.push(item);
    else if (sameEntry(data, entryData(existing))) plan.unchanged.push(item);
    else
      plan.update.push({
        ...item,
        changes: changedFields(entryData(existing), data, {
          title: "title",
          slug: "slug",
          kind: "kind",
          body: "text",
          archived: "archived",
        }),
      });
    checked.entries.push({ data, existing, ...(ticks ? { ticks } : {}) });
  }
  const state = JSON.stringify([
    plan.newCategories,
    ...[plan.create, plan.update, plan.unchanged].map((list) => list.map((i) => [i.kind, i.slug, i.currentVersion ?? 0])),
  ]);
  plan.fingerprint = createHash("sha256").update(state).digest("hex").slice(0, 32);
  return checked;
}

/** The ticks of an imported checklist that name one of its items. */
function knownTicks(data: PlaybookEntryData, ticks: string[]): string[] {
  const items = new Set(data.kind === "checklist" ? checklistKeys(parseChecklist(data.body)) : []);
  return ticks.filter((key) => items.has(key));
}

/** Ticks the checklists the import writes or finds unchanged, as the upload carried them (kept conflicts are left alone). */
async function writeTicks(tx: Tx, learnerId: string, checked: Checked, keep: Set<string>, now: Date): Promise<void> {
  const ticked = checked.entries.filter(
    (e): e is typeof e & { ticks: string[] } =>
      e.ticks !== undefined && e.ticks.length > 0 && !(e.existing && keep.has(itemKey({ kind: "entry", slug: e.data.slug }))),
  );
  if (ticked.length === 0) return;
  const rows = await tx.playbookEntry.findMany({
    where: { learnerId, slug: { in: ticked.map((e) => e.data.slug) } },
    select: { id: true, slug: true },
  });
  const idOf = new Map(rows.map((row) => [row.slug, row.id]));
  const ticks = ticked.flatMap((e) => e.ticks.map((itemKey) => ({ entryId: idOf.get(e.data.slug)!, itemKey })));
  for (const { entryId, itemKey } of ticks) await tx.checklistTick.deleteMany({ where: { entryId, itemKey } });
  await insertRows(
    tx,
    "ChecklistTick",
    ticks.map((tick) => ({ id: randomUUID(), ...tick, createdAt: storedTime(now) })),
  );
}

/** What importing the upload would do, without writing anything. */
export async function planImport(learnerId: string, parsed: ParsedLibrary): Promise<ImportPlan> {
  const client = await db();
  const learner = await client.learner.findUnique({ where: { id: learnerId } });
  if (!learner) throw new AppError("not-found", "No such learner profile.");
  return (await check(client, learner, parsed)).plan;
}

const itemKey = (item: Pick<PlanItem, "kind" | "slug">) => `${item.kind}:${item.slug}`;

export type ImportResult = { created: number; updated: number; kept: number; unchanged: number; categories: number };

/** The changes an import writes: new categories, new items, and a new version of each changed item not kept. */
function changesOf(checked: Checked, keep: Set<string>) {
  const { plan, patterns, entries } = checked;
  const result: ImportResult = { created: 0, updated: 0, kept: 0, unchanged: plan.unchanged.length, categories: plan.newCategories.length };
  const shouldWrite = (existing: unknown, changed: boolean, key: string): boolean => {
    if (!existing) {
      result.created++;
      return true;
    }
    if (!changed) return false;
    if (keep.has(key)) {
      result.kept++;
      return false;
    }
    result.updated++;
    return true;
  };
  const writtenPatterns = patterns.filter(({ data, existing }) => {
    const changed = !existing || !samePattern(data, patternData(existing));
    return shouldWrite(existing, changed, itemKey({ kind: "pattern", slug: data.slug }));
  });
  const writtenEntries = entries.filter(({ data, existing }) => {
    const changed = !existing || !sameEntry(data, entryData(existing));
    return shouldWrite(existing, changed, itemKey({ kind: "entry", slug: data.slug }));
  });
  return { result, patterns: writtenPatterns, entries: writtenEntries };
}

/** The rows that create `items`, built `make` a few items at a time with a turn for the event loop between. */
async function rowsInSlices<T>(items: T[], make: (part: T[]) => { table: string; rows: StoredRow[] }[]) {
  const pause = pacer();
  const tables = new Map<string, StoredRow[]>();
  for (let start = 0; start < items.length; start += ROWS_PER_SLICE) {
    for (const { table, rows } of make(items.slice(start, start + ROWS_PER_SLICE))) {
      if (!tables.has(table)) tables.set(table, []);
      tables.get(table)!.push(...rows);
    }
    await pause();
  }
  return [...tables].map(([table, rows]) => ({ table, rows }));
}

const ROWS_PER_SLICE = 50;

const changedSinceCheck = () =>
  new AppError("conflict", "The library or the upload changed since the check; check the upload again before importing.");

/**
 * Applies the import in one transaction: new categories, new entries, and a new version of each
 * conflicting one except those in `keep` (kind:slug). Refused when the upload has problems or
 * the library changed since the preview with `fingerprint`. The upload is checked before the
 * transaction; the transaction confirms the library is still in the checked state, then writes
 * the new items in batches and each update on its own.
 */
export async function applyImport(
  actor: Actor,
  learnerId: string,
  parsed: ParsedLibrary,
  options: { fingerprint: string; keep?: string[] },
): Promise<ImportResult> {
  const learner = await transaction((tx) => ownLibrary(tx, actor, learnerId));
  const checked = await check(await db(), learner, parsed);
  const { plan } = checked;
  if (plan.problems.length > 0) {
    throw new AppError(
      "invalid",
      `Nothing was imported: ${plan.problems.length} problem${plan.problems.length === 1 ? "" : "s"} in the upload.`,
      { files: plan.problems.map((p) => `${p.file}: ${p.message}`).join("\n") },
    );
  }
  if (plan.fingerprint !== options.fingerprint) throw changedSinceCheck();
  const keep = new Set(options.keep ?? []);
  const { result, patterns, entries } = changesOf(checked, keep);
  const now = new Date();
  const created = [
    {
      table: "PatternCategory",
      rows: plan.newCategories.map((slug) => ({ id: randomUUID(), learnerId, slug, createdAt: storedTime(now) })),
    },
    ...(await rowsInSlices(
      patterns.filter((p) => !p.existing).map((p) => p.data),
      (part) => newPatternRows(actor, learnerId, part, now),
    )),
    ...(await rowsInSlices(
      entries.filter((e) => !e.existing).map((e) => e.data),
      (part) => newEntryRows(actor, learnerId, part, now),
    )),
  ];
  return transaction(
    async (tx) => {
      await ownLibrary(tx, actor, learnerId);
      if ((await libraryState(tx, learnerId, checked)) !== checked.state) throw changedSinceCheck();
      for (const { table, rows } of created) await insertRows(tx, table, rows);
      for (const { data, existing } of patterns) if (existing) await writePattern(tx, actor, learnerId, existing, data);
      for (const { data, existing } of entries) if (existing) await writeEntry(tx, actor, learnerId, existing, data);
      await writeTicks(tx, learnerId, checked, keep, now);
      return result;
    },
    { timeoutMs: BULK_WRITE_TIMEOUT_MS },
  );
}
