// The structure inside playbook entries: a checklist's tickable items and a decision tree's
// questions and actions, read from the entry's Markdown (GFM task items, nested lists).
import type { List, ListItem, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { lruMemo } from "../lru";
import type { PlaybookKind } from "../content/schema";

const parser = unified().use(remarkParse).use(remarkGfm);

// Pages draw the same entries on every request; the parsed structure is shared, never changed,
// and kept for the most recently drawn texts, up to 500,000 characters of them each.
const checklists = lruMemo<ChecklistBlock[]>(500_000, (key) => key.length);
const trees = lruMemo<DecisionTree>(500_000, (key) => key.length);

function parse(source: string): Root {
  return parser.parse(source);
}

function slice(source: string, nodes: RootContent[]): string {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes.at(-1)?.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

export type ChecklistBlock =
  { kind: "markdown"; source: string } | { kind: "list"; ordered: boolean; start: number; items: ChecklistItem[] };
/**
 * A list item; `key` is set for a tickable (task) item and stays the same while its text does, and
 * `box` is then the offset in the body of the character inside its `[ ]`.
 */
type ChecklistItem = { key: string | null; box: number | null; label: string; blocks: ChecklistBlock[] };

/** cyrb53: a small string hash that runs the same in the browser (for the preview) and on the server. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function itemKey(label: string, seen: Map<string, number>): string {
  const text = label.replace(/\s+/g, " ").trim();
  const count = (seen.get(text) ?? 0) + 1;
  seen.set(text, count);
  return `${hash(text)}-${count}`;
}

function checklistBlocks(source: string, nodes: RootContent[], seen: Map<string, number>): ChecklistBlock[] {
  const blocks: ChecklistBlock[] = [];
  let pending: RootContent[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ kind: "markdown", source: slice(source, pending) });
    pending = [];
  };
  for (const node of nodes) {
    if (node.type === "list" && node.children.some((item) => typeof item.checked === "boolean" || hasTaskItems(item))) {
      flush();
      blocks.push(listBlock(source, node, seen));
    } else pending.push(node);
  }
  flush();
  return blocks;
}

function hasTaskItems(item: ListItem): boolean {
  return item.children.some(
    (child) => child.type === "list" && child.children.some((c) => typeof c.checked === "boolean" || hasTaskItems(c)),
  );
}

function listBlock(source: string, list: List, seen: Map<string, number>): ChecklistBlock {
  return {
    kind: "list",
    ordered: list.ordered ?? false,
    start: list.start ?? 1,
    items: list.children.map((item) => {
      const [first, ...rest] = item.children;
      const label = first?.type === "paragraph" ? slice(source, [first]) : "";
      const task = typeof item.checked === "boolean";
      const key = task ? itemKey(label, seen) : null;
      const box = task ? source.indexOf("[", item.position!.start.offset!) + 1 : null;
      return { key, box, label, blocks: checklistBlocks(source, first?.type === "paragraph" ? rest : item.children, seen) };
    }),
  };
}

/** A checklist as blocks of Markdown and lists whose task items carry a stable key. */
export function parseChecklist(body: string): ChecklistBlock[] {
  return checklists(body, () => checklistBlocks(body, parse(body).children, new Map()));
}

export function checklistKeys(blocks: ChecklistBlock[]): string[] {
  return taskItems(blocks).map((item) => item.key);
}

/** Every tickable item of a checklist, in order, with where its box is. */
export function taskItems(blocks: ChecklistBlock[]): { key: string; box: number }[] {
  return blocks.flatMap((block) =>
    block.kind === "list"
      ? block.items.flatMap((item) => [
          ...(item.key !== null && item.box !== null ? [{ key: item.key, box: item.box }] : []),
          ...taskItems(item.blocks),
        ])
      : [],
  );
}

/** A node of a decision tree: a question (with answers below it) or an action (a leaf). */
export type TreeNode = { text: string; children: TreeNode[] };
export type DecisionTree = { before: string; roots: TreeNode[]; after: string };

function treeNodes(source: string, list: List): TreeNode[] {
  return list.children.map((item) => {
    const first = item.children[0];
    const nested = item.children.find((child): child is List => child.type === "list");
    return { text: first?.type === "paragraph" ? slice(source, [first]) : "", children: nested ? treeNodes(source, nested) : [] };
  });
}

/** The first list of the body is the tree; Markdown before and after it is kept as text. */
export function parseDecisionTree(body: string): DecisionTree {
  return trees(body, () => {
    const nodes = parse(body).children;
    const at = nodes.findIndex((node) => node.type === "list");
    if (at < 0) return { before: body, roots: [], after: "" };
    return { before: slice(body, nodes.slice(0, at)), roots: treeNodes(body, nodes[at] as List), after: slice(body, nodes.slice(at + 1)) };
  });
}

/** What a body of this kind lacks to be usable, or null. */
export function structureProblem(kind: PlaybookKind, body: string): string | null {
  if (kind === "checklist" && checklistKeys(parseChecklist(body)).length === 0) {
    return "a checklist needs at least one item written as “- [ ] item”";
  }
  if (kind === "decision-tree" && !parseDecisionTree(body).roots.some((root) => root.children.length > 0)) {
    return "a decision tree needs a nested list: a question, with its answers indented below it";
  }
  return null;
}
