// Renders Markdown, a learner's or a program's: the pipeline's HTML string (lib/markdown/html.ts),
// the same on the server and in the editors' live previews, so the two always agree.
import { markdownHtml } from "@/lib/markdown/html";
import type { MarkdownOptions } from "@/lib/markdown/tree";
import type { WikiResolver } from "@/lib/markdown/wiki-links";

type Props = {
  source: string;
  className?: string;
  /** Turns `[[pattern-slug]]` into a link to the pattern; unknown slugs show as broken links. */
  wikiLinks?: WikiResolver;
  /** One line of Markdown inside other text: no paragraph, a span instead of a block. */
  inline?: boolean;
  /** How links and images resolve (a program's files), when they are not used as written. */
  links?: MarkdownOptions["links"];
};

export function Markdown({ source, className, wikiLinks, inline, links }: Props) {
  const Wrapper = inline ? "span" : "div";
  return (
    <Wrapper
      className={inline ? className : `prose ${className ?? ""}`}
      dangerouslySetInnerHTML={{ __html: markdownHtml(source, { wikiLinks, inline, links }) }}
    />
  );
}
