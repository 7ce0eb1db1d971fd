// The table of contents of a Markdown body, with the same anchor ids rehype-slug gives.
import GithubSlugger from "github-slugger";

export type TocEntry = { depth: 2 | 3; text: string; id: string };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function plainHeadingText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_~]/g, "")
    .replace(/\s+#+\s*$/, "")
    .trim();
}

export function tableOfContents(body: string, slugger = new GithubSlugger()): TocEntry[] {
  const entries: TocEntry[] = [];
  let fence: string | null = null;
  for (const line of body.split("\n")) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^(#{1,6})\s+(.+)$/.exec(line);
    if (!heading) continue;
    const text = plainHeadingText(heading[2]!);
    const id = slugger.slug(text);
    const depth = heading[1]!.length;
    if (depth === 2 || depth === 3) entries.push({ depth, text, id });
  }
  return entries;
}
