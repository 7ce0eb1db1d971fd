// A decision tree entry drawn as a tree: questions open onto their answers, leaves are actions.
import { Markdown } from "@/components/markdown/markdown";
import type { WikiResolver } from "@/lib/markdown/wiki-links";
import { parseDecisionTree, type TreeNode } from "@/lib/library/structure";

/** "yes: do this" → the answer label and what follows it. */
function answerOf(text: string): { label: string | null; rest: string } {
  const match = /^([^:/\n]{1,30}):\s+([\s\S]+)$/.exec(text);
  return match ? { label: match[1]!.trim(), rest: match[2]! } : { label: null, rest: text };
}

function Node({ node, wikiLinks }: { node: TreeNode; wikiLinks?: WikiResolver }) {
  const { label, rest } = answerOf(node.text);
  const text = (
    <>
      {label ? <span className="mr-2 rounded bg-accent-soft px-1.5 py-0.5 text-xs font-semibold">{label}</span> : null}
      <Markdown source={rest} wikiLinks={wikiLinks} inline />
    </>
  );
  if (node.children.length === 0) {
    return (
      <li className="tree-leaf">
        <span aria-hidden="true" className="mr-1 text-muted">
          →
        </span>
        {text}
      </li>
    );
  }
  return (
    <li className="tree-branch">
      <details open>
        <summary className="cursor-pointer font-medium">{text}</summary>
        <ul className="ml-3 border-l-2 border-line pl-4">
          {node.children.map((child, i) => (
            <Node key={i} node={child} wikiLinks={wikiLinks} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function DecisionTreeView({ body, wikiLinks }: { body: string; wikiLinks?: WikiResolver }) {
  const tree = parseDecisionTree(body);
  return (
    <div className="space-y-3">
      {tree.before ? <Markdown source={tree.before} wikiLinks={wikiLinks} /> : null}
      <ul className="decision-tree space-y-2" aria-label="Decision tree">
        {tree.roots.map((node, i) => (
          <Node key={i} node={node} wikiLinks={wikiLinks} />
        ))}
      </ul>
      {tree.after ? <Markdown source={tree.after} wikiLinks={wikiLinks} /> : null}
    </div>
  );
}
