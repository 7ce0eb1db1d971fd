// A playbook entry's text, drawn for its kind.
import { Markdown } from "@/components/markdown/markdown";
import type { WikiResolver } from "@/lib/markdown/wiki-links";
import type { PlaybookKind } from "@/lib/library/schema";
import { ChecklistView, type Ticks } from "./checklist";
import { DecisionTreeView } from "./decision-tree";

export function EntryBody({ kind, body, wikiLinks, ticks }: { kind: PlaybookKind; body: string; wikiLinks?: WikiResolver; ticks?: Ticks }) {
  if (kind === "checklist") return <ChecklistView body={body} wikiLinks={wikiLinks} ticks={ticks} />;
  if (kind === "decision-tree") return <DecisionTreeView body={body} wikiLinks={wikiLinks} />;
  return <Markdown source={body} wikiLinks={wikiLinks} />;
}
