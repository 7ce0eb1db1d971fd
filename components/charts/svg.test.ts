import { describe, expect, it } from "vitest";
import { barChart } from "./bar-chart";
import { svg, svgText } from "./svg";

describe("SVG markup as a string", () => {
  it("escapes text and attribute values, and leaves out an attribute without a value", () => {
    expect(svg("text", { x: 1, class: 'a"b', "text-anchor": undefined }, svgText("<b> & </b>"))).toBe(
      '<text x="1" class="a&quot;b">&lt;b&gt; &amp; &lt;/b&gt;</text>',
    );
  });

  it("draws a chart whose labels are text, never markup", () => {
    const markup = barChart({
      id: "c",
      size: { width: 560, height: 260, font: 14 },
      label: 'Hours <script>alert("x")</script>',
      bars: [{ label: "<w1>", value: 2 }],
      reference: { value: 1, label: "1 h/week" },
    });
    expect(markup).not.toContain("<script");
    expect(markup).not.toContain("<w1>");
    expect(markup).toContain("&lt;w1&gt;");
    expect(markup).toMatch(/^<svg viewBox="0 0 560 260" font-size="14" class="h-auto w-full" role="img" aria-labelledby="c-caption"/);
    expect(markup).toContain('<rect x="');
  });
});
