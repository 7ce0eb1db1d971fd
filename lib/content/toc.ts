// The table of contents of a Markdown body, with the same anchor ids its rendered headings get.
import GithubSlugger from "github-slugger";
import { headingId } from "../markdown/heading-ids";
import { eachLine } from "./markdown-source";

export type TocEntry = { depth: 2 | 3; text: string; id: string };

function plainHeadingText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_~]/g, "")
    .replace(/\s+#+\s*$/, "")
    .trim();
}

export function tableOfContents(body: string, slugger = new GithubSlugger()): TocEntry[] {
  const entries: TocEntry[] = [];
  eachLine(body, (line, _index, prose) => {
    const heading = prose ? /^(#{1,6})\s+(.+)$/.exec(line) : null;
    if (!heading) return;
    const text = plainHeadingText(heading[2]!);
    const id = headingId(slugger, text);
    const depth = heading[1]!.length;
    if (depth === 2 || depth === 3) entries.push({ depth, text, id });
  });
  return entries;
}
