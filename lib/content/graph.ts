// The learning path as a graph of module prerequisites: validation (unknown modules, cycles),
// ordered lanes for display, and each module's state from the learner's completed modules.
export type PathNode = { number: number; prerequisites: number[] };
export type GraphIssue = { module: number; message: string };

export function checkPrerequisites(nodes: PathNode[]): GraphIssue[] {
  const known = new Set(nodes.map((n) => n.number));
  const issues: GraphIssue[] = [];
  for (const node of nodes) {
    for (const pre of node.prerequisites) {
      if (pre === node.number) issues.push({ module: node.number, message: `module ${node.number} lists itself as a prerequisite` });
      else if (!known.has(pre)) issues.push({ module: node.number, message: `unknown prerequisite: there is no module ${pre}` });
    }
  }
  const cycle = findCycle(nodes);
  if (cycle) {
    issues.push({ module: cycle[0]!, message: `prerequisites form a cycle: ${[...cycle, cycle[0]].join(" → ")}` });
  }
  return issues;
}

function findCycle(nodes: PathNode[]): number[] | null {
  const edges = new Map(nodes.map((n) => [n.number, n.prerequisites.filter((p) => p !== n.number)]));
  const state = new Map<number, "visiting" | "done">();
  const stack: number[] = [];
  const visit = (n: number): number[] | null => {
    if (state.get(n) === "done" || !edges.has(n)) return null;
    if (state.get(n) === "visiting") return stack.slice(stack.indexOf(n));
    state.set(n, "visiting");
    stack.push(n);
    for (const next of edges.get(n) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(n, "done");
    return null;
  };
  for (const node of nodes) {
    const found = visit(node.number);
    if (found) return found;
  }
  return null;
}

/** Groups modules into lanes: lane 0 has no prerequisites, lane k depends on lanes before it. */
export function pathLanes(nodes: PathNode[]): number[][] {
  const byNumber = new Map(nodes.map((n) => [n.number, n]));
  const depth = new Map<number, number>();
  const depthOf = (n: number, seen: Set<number>): number => {
    if (depth.has(n)) return depth.get(n)!;
    if (seen.has(n)) return 0;
    seen.add(n);
    const pres = (byNumber.get(n)?.prerequisites ?? []).filter((p) => byNumber.has(p));
    const d = pres.length === 0 ? 0 : Math.max(...pres.map((p) => depthOf(p, seen))) + 1;
    depth.set(n, d);
    return d;
  };
  for (const node of nodes) depthOf(node.number, new Set());
  const lanes: number[][] = [];
  for (const node of [...nodes].sort((a, b) => a.number - b.number)) {
    const d = depth.get(node.number)!;
    (lanes[d] ??= []).push(node.number);
  }
  return lanes.filter(Boolean);
}

export type ModuleState = "done" | "available" | "locked";

export function moduleState(node: PathNode, completed: ReadonlySet<number>): ModuleState {
  if (completed.has(node.number)) return "done";
  return node.prerequisites.every((p) => completed.has(p)) ? "available" : "locked";
}
