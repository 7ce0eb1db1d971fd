// Renders learners' Markdown as React elements: the pipeline's tree (lib/markdown/tree.ts) turned
// into elements on every render, with the app's Link for links inside the app.
import type { ComponentProps } from "react";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Link } from "@/components/ui/link";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { markdownTree } from "@/lib/markdown/tree";
import type { WikiResolver } from "@/lib/markdown/wiki-links";

type Props = {
  source: string;
  className?: string;
  /** Turns `[[pattern-slug]]` into a link to the pattern; unknown slugs show as broken links. */
  wikiLinks?: WikiResolver;
  /** One line of Markdown inside other text: no paragraph, a span instead of a block. */
  inline?: boolean;
};

function Anchor({ href = "", ...props }: ComponentProps<"a">) {
  return href.startsWith("/") || href.startsWith("#") ? <Link href={href} {...props} /> : <a href={href} {...props} />;
}

// The tree may be kept and shared, but elements are made afresh on every render: React serializes
// an element it meets again on a page as a reference to where it first wrote it, and what it wrote
// there is what the element rendered to, so an element that renders to nothing would leave a
// reference to nothing ("Invalid reference.").
export function Markdown({ source, className, wikiLinks, inline }: Props) {
  const Wrapper = inline ? "span" : "div";
  const tree = markdownTree(source, { wikiLinks, inline });
  return (
    <Wrapper className={inline ? className : `prose ${className ?? ""}`}>
      {toJsxRuntime(tree, { Fragment, jsx, jsxs, components: { a: Anchor }, passKeys: true })}
    </Wrapper>
  );
}
