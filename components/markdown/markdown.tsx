// Renders content Markdown on the server: GFM, heading anchors, highlighted code, raw HTML
// shown as text (never executed), and links resolved to app routes.
import Link from "next/link";
import type { ReactElement } from "react";
import renderMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { remarkHtmlAsText } from "@/lib/content/remark-html-as-text";
import { lruMemo } from "@/lib/lru";
import { MISSING_PREFIX, remarkWikiLinks, WIKI_LINK, type WikiResolver } from "@/lib/library/remark-wiki-links";

// rehype-highlight builds its highlighter (registering every common grammar, ~20 ms) each time a
// processor is made, and react-markdown makes one per render: build it once for the process.
const highlightTransform = rehypeHighlight({ detect: false });
const highlightCode = () => highlightTransform;

type Props = {
  source: string;
  /** Maps an href or image src written in the source to the URL the app serves, or null. */
  resolveHref?: (href: string) => string | null;
  className?: string;
  /** Turns `[[pattern-slug]]` into a link to the pattern; unknown slugs show as broken links. */
  wikiLinks?: WikiResolver;
  /** One line of Markdown inside other text: no paragraph, a span instead of a block. */
  inline?: boolean;
};

// Library pages render the same texts on every request (a playbook of hundreds of entries): on
// the server, keep the rendered tree of recent texts that need no per-page link resolution.
const remembered = lruMemo<ReactElement>(2000);

export function Markdown(props: Props) {
  const { source, className, wikiLinks, inline } = props;
  const Wrapper = inline ? "span" : "div";
  const wrapperClass = inline ? className : `prose ${className ?? ""}`;
  if (props.resolveHref || typeof window !== "undefined") return <Wrapper className={wrapperClass}>{render(props)}</Wrapper>;
  const links = wikiLinks ? JSON.stringify([...source.matchAll(WIKI_LINK)].map((m) => wikiLinks(m[1]!))) : "";
  return (
    <Wrapper className={wrapperClass}>{remembered(`${inline ? "i" : "b"}\u0000${links}\u0000${source}`, () => render(props))}</Wrapper>
  );
}

function render({ source, resolveHref = (href) => href, wikiLinks, inline }: Props): ReactElement {
  const components: Components = {
    a({ href = "", children }) {
      if (wikiLinks && href.startsWith(MISSING_PREFIX)) {
        return (
          <span className="text-danger underline decoration-wavy" title={`No pattern has the slug ${href.slice(MISSING_PREFIX.length)}`}>
            {children} (missing)
          </span>
        );
      }
      const target = resolveHref(href);
      if (target === null) return <span className="text-danger">{children}</span>;
      if (target.startsWith("/") || target.startsWith("#")) return <Link href={target}>{children}</Link>;
      return (
        <a href={target} rel="noreferrer noopener">
          {children}
        </a>
      );
    },
    img({ src, alt }) {
      const target = typeof src === "string" ? resolveHref(src) : null;
      // eslint-disable-next-line @next/next/no-img-element -- content images have unknown sizes
      return target ? <img src={target} alt={alt ?? ""} loading="lazy" /> : null;
    },
    li({ className, children }) {
      // A GFM task item: the label ties the checkbox to its text for assistive technology.
      if (className?.includes("task-list-item")) {
        return (
          <li className={className}>
            <label>{children}</label>
          </li>
        );
      }
      return <li className={className}>{children}</li>;
    },
    pre({ children }) {
      return <pre tabIndex={0}>{children}</pre>;
    },
    p({ children }) {
      return inline ? <>{children}</> : <p>{children}</p>;
    },
    table({ children }) {
      return (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table">
          <table>{children}</table>
        </div>
      );
    },
  };
  return renderMarkdown({
    remarkPlugins: wikiLinks ? [remarkGfm, remarkHtmlAsText, [remarkWikiLinks, wikiLinks]] : [remarkGfm, remarkHtmlAsText],
    rehypePlugins: [rehypeSlug, highlightCode],
    components,
    children: source,
  });
}
