// A pattern's Markdown parts under their headings, in the library's fixed order.
import { Markdown } from "@/components/markdown/markdown";
import type { WikiResolver } from "@/lib/markdown/wiki-links";
import { PATTERN_SECTIONS, type SectionKey } from "@/lib/library/schema";

export function PatternSections({
  data,
  wikiLinks,
  level = 2,
}: {
  data: Record<SectionKey, string>;
  wikiLinks?: WikiResolver;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return PATTERN_SECTIONS.filter((s) => data[s.key].trim() !== "").map((s) => (
    <div key={s.key} className="mt-6">
      <Heading className={level === 2 ? "mb-2 text-xl font-bold" : "mb-1 font-semibold"}>{s.heading}</Heading>
      <Markdown source={data[s.key]} wikiLinks={wikiLinks} />
    </div>
  ));
}
