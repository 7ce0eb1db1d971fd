import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { remarkHtmlAsText } from "./remark-html-as-text";

const render = (source: string) => renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkHtmlAsText] }, source));

describe("remarkHtmlAsText", () => {
  it("shows placeholders that look like tags as text", () => {
    expect(render("Fill in <how A does it> here.")).toBe("<p>Fill in &lt;how A does it&gt; here.</p>");
  });

  it("never emits a script element", () => {
    expect(render('<script>alert("x")</script>')).not.toContain("<script");
  });
});
