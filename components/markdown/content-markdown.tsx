// A program's Markdown (lesson, exercise, playbook starter): its links and images resolve relative to
// the file it comes from, the same way on every request.
import type { Program } from "@/lib/content";
import { resolveContentHref } from "@/lib/content/links";
import { Markdown } from "./markdown";

export function ContentMarkdown({ program, file, source }: { program: Pick<Program, "slug" | "dir">; file: string; source: string }) {
  return (
    <Markdown
      source={source}
      links={{ scope: `${program.slug}\u0000${file}`, resolve: (href) => resolveContentHref(program, file, href) }}
    />
  );
}
