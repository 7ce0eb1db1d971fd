// Renders content Markdown on the server: GFM, heading anchors, highlighted code, raw HTML
// shown as text (never executed), and links resolved to app routes.
import Link from "next/link";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { remarkHtmlAsText } from "@/lib/content/remark-html-as-text";

type Props = {
  source: string;
  /** Maps an href or image src written in the source to the URL the app serves, or null. */
  resolveHref?: (href: string) => string | null;
  className?: string;
};

export function Markdown({ source, resolveHref = (href) => href, className }: Props) {
  const components: Components = {
    a({ href = "", children }) {
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
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        rehypePlugins={[rehypeSlug, [rehypeHighlight, { detect: false, ignoreMissing: true }]]}
        components={components}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
