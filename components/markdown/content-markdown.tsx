// A program's Markdown (lesson, exercise, playbook starter): links resolve relative to the file
// it comes from, the same way on every request, so the text is sent as the pipeline's HTML string
// (lib/markdown/html.ts), made once per text, instead of elements React would walk on every request.
import type { Program } from "@/lib/content";
import { resolveContentHref } from "@/lib/content/links";
import { markdownHtml } from "@/lib/markdown/html";

export function ContentMarkdown({ program, file, source }: { program: Pick<Program, "slug" | "dir">; file: string; source: string }) {
  const html = markdownHtml(source, { links: { scope: `${program.slug}\u0000${file}`, resolve: (href) => resolveContentHref(program, file, href) } });
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
