// Terms of art the spec says a plan must define before using: the default word list, reading a
// list (one term a line), and finding terms a plan uses without defining them anywhere.
import { headingOf, PLACEHOLDER, type PlanDocument, withoutCodeSpans } from "./document";

/**
 * The spec's own examples (daemon, middleware, RPC gateway, filter graph) and the module's (fixture,
 * database migration), plus common ones. Plain "migration" is ordinary English (a migration guide).
 */
export const DEFAULT_TERMS = [
  "daemon",
  "middleware",
  "RPC gateway",
  "filter graph",
  "fixture",
  "database migration",
  "schema migration",
  "idempotent",
  "monorepo",
  "shim",
  "polyfill",
  "hydration",
  "race condition",
  "backpressure",
  "feature flag",
  "sharding",
  "memoization",
  "debounce",
  "webhook",
  "ORM",
  "CI",
] as const;

export const MAX_TERMS = 200;
export const MAX_TERM_LENGTH = 60;

/** One term a line; blank lines and lines starting with # are skipped, repeats dropped. */
export function parseTermList(text: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const term = raw.trim().replace(/\s+/g, " ");
    if (term === "" || term.startsWith("#") || seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    terms.push(term);
  }
  return terms;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A whole-word use of the term: not part of a path, file name or identifier (`fixtures/plan.md`,
 * `ci-cheap`, `Feature Flags/Experiments`), and an acronym (CI, ORM) only in capitals.
 */
function termPattern(term: string): RegExp {
  const words = term.split(" ").map(escape).join("\\s+");
  const acronym = term === term.toUpperCase();
  return new RegExp(`(?<![\\p{L}\\p{N}_/\\\\.@-])${words}(?:s|es)?(?![\\p{L}\\p{N}_/\\\\@]|[.-][\\p{L}\\p{N}])`, acronym ? "gu" : "giu");
}

const MARK = `(?:\\*\\*|__|\\*|_|["'\u201d\u2019])?`;
const DEFINED_AFTER = new RegExp(
  `^${MARK}\\s*(?:\\(|:|\u2014|\u2013|\\s-\\s|=|,\\s*(?:which|that is|i\\.e\\.|meaning)\\b|\\s+(?:means|refers\\s+to|stands\\s+for|denotes|is\\s+(?:a|an|the|what|how|where|when)\\b))`,
  "iu",
);
const DEFINED_BEFORE =
  /(?:called|known as|we call|named|the term|the word|definition of)\s+(?:(?:a|an|the)\s+)?(?:\*\*|__|\*|_|["'\u201c\u2018])?$/i;

/** Prose a reader reads as the plan's own words: no code, headings, inline code, link targets or placeholders. */
function proseLines(doc: PlanDocument): { line: number; text: string }[] {
  return doc.lines
    .filter((l) => l.kind === "prose" && headingOf(l) === null)
    .map((l) => ({
      line: l.number,
      text: withoutCodeSpans(l.text)
        .replace(/\]\([^)]*\)/g, "]")
        .replace(PLACEHOLDER, (p) => " ".repeat(p.length)),
    }));
}

export type UndefinedTerm = { term: string; line: number; uses: number };

/** Terms of `terms` the plan uses but never defines, each with the line of its first use. */
export function undefinedTerms(doc: PlanDocument, terms: readonly string[]): UndefinedTerm[] {
  const lines = proseLines(doc);
  const found: UndefinedTerm[] = [];
  for (const term of terms) {
    const pattern = termPattern(term);
    let first: number | null = null;
    let uses = 0;
    let defined = false;
    for (const { line, text } of lines) {
      for (const match of text.matchAll(pattern)) {
        uses++;
        first ??= line;
        const end = match.index + match[0].length;
        if (DEFINED_AFTER.test(text.slice(end)) || DEFINED_BEFORE.test(text.slice(0, match.index))) defined = true;
      }
      if (defined) break;
    }
    if (!defined && first !== null) found.push({ term, line: first, uses });
  }
  return found.sort((a, b) => a.line - b.line);
}
