// Exports of a learner's library: the playbook with the patterns it links as one Markdown file,
// and the whole library as a zip in the design seed's folder layout, in either link style and
// with or without checklist ticks. Both are byte-for-byte the same for the same library and
// choice (no dates, fixed order, fixed zip timestamps).
import { zipSync } from "fflate";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { type LibraryBundle, serializeLibrary, serializeSingleFile } from "./markdown-format";
import { patternData } from "./patterns";
import { entryData } from "./playbook";
import { findWikiLinks, LINK_STYLES } from "./wiki-links";

/** A fixed timestamp for every zip entry, so the archive only changes when the library does. */
const ZIP_TIME = new Date(2000, 0, 1);

/** What the export form asks: the link style, and whether checklists carry the learner's ticks. */
const ExportQuerySchema = z.object({
  links: z.enum(LINK_STYLES).default("commonmark"),
  ticks: z
    .literal("1")
    .optional()
    .transform((value) => value === "1"),
});
export type ExportChoice = z.output<typeof ExportQuerySchema>;
const PLAIN_EXPORT: ExportChoice = { links: "commonmark", ticks: false };

/** The export choice in a download's query (`links=commonmark|obsidian`, `ticks=1`). */
export function exportChoice(query: Record<string, string>): ExportChoice {
  const parsed = ExportQuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError("invalid", "Choose a link style: commonmark or obsidian.");
  return parsed.data;
}

export async function loadBundle(learnerId: string, withTicks = false): Promise<LibraryBundle> {
  const client = await db();
  const [categories, patterns, entries, ticks] = await Promise.all([
    client.patternCategory.findMany({ where: { learnerId }, orderBy: { slug: "asc" } }),
    client.pattern.findMany({ where: { learnerId }, orderBy: { slug: "asc" } }),
    client.playbookEntry.findMany({ where: { learnerId }, orderBy: { slug: "asc" } }),
    withTicks
      ? client.checklistTick.findMany({ where: { entry: { learnerId } }, select: { itemKey: true, entry: { select: { slug: true } } } })
      : [],
  ]);
  const ticked = new Map<string, string[]>();
  for (const tick of ticks) ticked.set(tick.entry.slug, [...(ticked.get(tick.entry.slug) ?? []), tick.itemKey]);
  return {
    categories: categories.map((c) => c.slug),
    patterns: patterns.map(patternData),
    entries: entries.map(entryData),
    ...(withTicks ? { ticks: ticked } : {}),
  };
}

/** The playbook's active entries and every pattern they link to, as one Markdown file. */
export async function exportPlaybookMarkdown(learnerId: string, choice: ExportChoice = PLAIN_EXPORT): Promise<string> {
  const bundle = await loadBundle(learnerId, choice.ticks);
  const entries = bundle.entries.filter((e) => !e.archived);
  const linked = new Set(entries.flatMap((e) => findWikiLinks(e.body)));
  return serializeSingleFile(
    { entries, patterns: bundle.patterns.filter((p) => linked.has(p.slug)), ticks: bundle.ticks },
    { links: choice.links },
  );
}

/** The whole library (archived items included, marked) as a zip of docs/patterns and docs/playbook. */
export async function exportLibraryZip(learnerId: string, choice: ExportChoice = PLAIN_EXPORT): Promise<Uint8Array> {
  const files = serializeLibrary(await loadBundle(learnerId, choice.ticks), { links: choice.links });
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries([...files].map(([name, text]) => [name, encoder.encode(text)])), { level: 6, mtime: ZIP_TIME });
}

export function exportFileName(learnerName: string, extension: "md" | "zip"): string {
  const base =
    learnerName
      .normalize("NFKD")
      .replace(/[^\w-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "library";
  return `${base}-${extension === "md" ? "playbook.md" : "library.zip"}`;
}
