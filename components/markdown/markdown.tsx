// Renders content Markdown on the server: GFM, heading anchors, highlighted code, raw HTML
// shown as text (never executed), and links resolved to app routes.
import Link from "next/link";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { remarkHtmlAsText } from "@/lib/content/remark-html-as-text";
import { MISSING_PREFIX, remarkWikiLinks, type WikiResolver } from "@/lib/library/remark-wiki-links";

type Props = {
  source: string;
  /** Maps an href or image src written in the source to the URL the app serves, or null. */
  resolveHref?: (href: string) => string | null;
  className?: string;
  /** Turns `[[pattern-slug]]` into a link to the pattern; unknown slugs show as broken links. */
  wikiLinks?: WikiResolver;
};

export function Markdown({ source, resolveHref = (href) => href, className, wikiLinks }: Props) {
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
      return (
        <pre tabIndex={0}>
          {children}
        </pre>
      );
    },
    table({ children }) {
      return (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table">
          <table>{children}</table>
        </div>
      );
    },
  };
  return (
    <div className={`prose ${className ?? ""}`}>
      <ReactMarkdown
        remarkPlugins={wikiLinks ? [remarkGfm, remarkHtmlAsText, [remarkWikiLinks, wikiLinks]] : [remarkGfm, remarkHtmlAsText]}
        rehypePlugins={[rehypeSlug, [rehypeHighlight, { detect: false, ignoreMissing: true }]]}
        components={components}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
