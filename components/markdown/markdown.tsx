// Renders Markdown on the server: GFM, heading anchors, highlighted code, raw HTML shown as text
// (never executed), and links resolved to app routes.
import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import Link from "next/link";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import type { Components } from "react-markdown";
import { markdownTree } from "@/lib/content/markdown-tree";
import { lruMemo } from "@/lib/lru";
import { MISSING_PREFIX, WIKI_LINK, type WikiResolver } from "@/lib/library/remark-wiki-links";

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
// the server, keep the HTML tree of recent texts, and build the React elements from it on every
// render. Elements are never kept: React serializes an element it meets again on a page as a
// reference to where it first wrote it, and what it wrote there is what the element rendered to,
// so an element that renders to nothing leaves a reference to nothing ("Invalid reference.").
const remembered = lruMemo<Root>(2000);

export function Markdown(props: Props) {
  const { source, className, wikiLinks, inline } = props;
  const Wrapper = inline ? "span" : "div";
  const wrapperClass = inline ? className : `prose ${className ?? ""}`;
  const links = wikiLinks ? JSON.stringify([...source.matchAll(WIKI_LINK)].map((m) => wikiLinks(m[1]!))) : "";
  const tree =
    typeof window === "undefined" ? remembered(`${links}\u0000${source}`, () => markdownTree(source, wikiLinks)) : markdownTree(source, wikiLinks);
  return <Wrapper className={wrapperClass}>{toJsxRuntime(tree, { Fragment, jsx, jsxs, components: components(props), passKeys: true })}</Wrapper>;
}

function components({ resolveHref = (href) => href, wikiLinks, inline }: Props): Components {
  return {
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
}
