// Exports of a learner's library: the playbook with the patterns it links as one Markdown file,
// and the whole library as a zip in the design seed's folder layout. Both are byte-for-byte
// the same for the same library (no dates, fixed order, fixed zip timestamps).
import { zipSync } from "fflate";
import { db } from "../db";
import { type LibraryBundle, serializeLibrary, serializeSingleFile } from "./markdown-format";
import { patternData } from "./patterns";
import { entryData } from "./playbook";
import { findWikiLinks } from "./wiki-links";

/** A fixed timestamp for every zip entry, so the archive only changes when the library does. */
const ZIP_TIME = new Date(2000, 0, 1);

export async function loadBundle(learnerId: string): Promise<LibraryBundle> {
  const client = await db();
  const [categories, patterns, entries] = await Promise.all([
    client.patternCategory.findMany({ where: { learnerId }, orderBy: { slug: "asc" } }),
    client.pattern.findMany({ where: { learnerId }, orderBy: { slug: "asc" } }),
    client.playbookEntry.findMany({ where: { learnerId }, orderBy: { slug: "asc" } }),
  ]);
  return { categories: categories.map((c) => c.slug), patterns: patterns.map(patternData), entries: entries.map(entryData) };
}

/** The playbook's active entries and every pattern they link to, as one Markdown file. */
export async function exportPlaybookMarkdown(learnerId: string): Promise<string> {
  const bundle = await loadBundle(learnerId);
  const entries = bundle.entries.filter((e) => !e.archived);
  const linked = new Set(entries.flatMap((e) => findWikiLinks(e.body)));
  return serializeSingleFile(
    entries,
    bundle.patterns.filter((p) => linked.has(p.slug)),
  );
}

/** The whole library (archived items included, marked) as a zip of docs/patterns and docs/playbook. */
export async function exportLibraryZip(learnerId: string): Promise<Uint8Array> {
  const files = serializeLibrary(await loadBundle(learnerId));
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
