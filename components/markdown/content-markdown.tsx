// A program's Markdown (lesson, exercise, playbook starter): links resolve relative to the file
// it comes from, the same way on every request, so the rendered text is kept between requests.
import { Markdown } from "@/components/markdown/markdown";
import type { Program } from "@/lib/content";
import { resolveContentHref } from "@/lib/content/links";

export function ContentMarkdown({ program, file, source }: { program: Pick<Program, "slug" | "dir">; file: string; source: string }) {
  return <Markdown source={source} cacheKey={`${program.slug}\u0000${file}`} resolveHref={(href) => resolveContentHref(program, file, href)} />;
}
