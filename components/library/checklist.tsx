// A checklist entry: its Markdown with every task item as a checkbox; ticks are saved per item
// when the viewer owns the checklist, and shown read-only otherwise.
import { Markdown } from "@/components/markdown/markdown";
import type { WikiResolver } from "@/lib/markdown/wiki-links";
import { type ChecklistBlock, parseChecklist } from "@/lib/library/structure";
import { type TickAction, TickBox } from "./tick-box";

export type Ticks = { slug: string; ticked: ReadonlySet<string>; action?: TickAction };

function Blocks({ blocks, wikiLinks, ticks }: { blocks: ChecklistBlock[]; wikiLinks?: WikiResolver; ticks?: Ticks }) {
  return blocks.map((block, i) => {
    if (block.kind === "markdown") return <Markdown key={i} source={block.source} wikiLinks={wikiLinks} />;
    const List = block.ordered ? "ol" : "ul";
    return (
      <List
        key={i}
        start={block.ordered ? block.start : undefined}
        className={`my-2 space-y-1.5 ${block.ordered ? "list-decimal pl-6" : ""}`}
      >
        {block.items.map((item, j) => {
          const label = <Markdown source={item.label} wikiLinks={wikiLinks} inline />;
          const ticked = item.key !== null && (ticks?.ticked.has(item.key) ?? false);
          return (
            <li key={j} className={item.key === null && !block.ordered ? "ml-6 list-disc" : undefined}>
              {item.key === null ? (
                label
              ) : ticks?.action ? (
                <TickBox slug={ticks.slug} itemKey={item.key} ticked={ticked} action={ticks.action}>
                  {label}
                </TickBox>
              ) : (
                <label className="flex items-start gap-2">
                  <input type="checkbox" className="mt-1.5 size-4 shrink-0" checked={ticked} disabled readOnly />
                  <span>{label}</span>
                </label>
              )}
              {item.blocks.length > 0 ? (
                <div className="ml-6">
                  <Blocks blocks={item.blocks} wikiLinks={wikiLinks} ticks={ticks} />
                </div>
              ) : null}
            </li>
          );
        })}
      </List>
    );
  });
}

export function ChecklistView({ body, wikiLinks, ticks }: { body: string; wikiLinks?: WikiResolver; ticks?: Ticks }) {
  return (
    <div className="checklist">
      <Blocks blocks={parseChecklist(body)} wikiLinks={wikiLinks} ticks={ticks} />
    </div>
  );
}
