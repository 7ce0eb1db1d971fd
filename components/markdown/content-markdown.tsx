// A program's Markdown (lesson, exercise, playbook starter): links resolve relative to the file
// it comes from, the same way on every request, so the text is rendered to HTML once
// (lib/content/markdown-html.ts) and sent as that string.
import type { Program } from "@/lib/content";
import { resolveContentHref } from "@/lib/content/links";
import { contentHtml } from "@/lib/content/markdown-html";

export function ContentMarkdown({ program, file, source }: { program: Pick<Program, "slug" | "dir">; file: string; source: string }) {
  const html = contentHtml(`${program.slug}\u0000${file}`, source, (href) => resolveContentHref(program, file, href));
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
