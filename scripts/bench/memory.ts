// Peak resident memory of a process tree, from Linux's /proc (VmHWM: the high-water mark of
// each process's resident set since it started).
import { readdirSync, readFileSync } from "node:fs";

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(parent, [...(byParent.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while the table was read
    }
  }
  return byParent;
}

function peakKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The largest process's peak (the server itself) and the sum over the tree under `root`, in MB. */
export function peakMemory(root: number): { serverMb: number; treeMb: number } {
  const byParent = children();
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of byParent.get(pid) ?? []) visit(child);
  };
  visit(root);
  const peaks = tree.map(peakKb);
  return { serverMb: Math.max(...peaks) / 1024, treeMb: peaks.reduce((a, b) => a + b, 0) / 1024 };
}
