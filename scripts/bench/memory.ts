// Resident memory of a process tree, from Linux's /proc: now (VmRSS) and at its peak (VmHWM, the
// high-water mark of each process's resident set since it started).
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

function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** `root` and every process under it. */
export function processTree(root: number): number[] {
  const byParent = children();
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of byParent.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** A process's resident memory now, in MB (0 once it has ended). */
export function residentMb(pid: number): number {
  return statusKb(pid, "VmRSS") / 1024;
}

/** The largest process's peak (the server itself) and the sum over the tree under `root`, in MB. */
export function peakMemory(root: number): { serverMb: number; treeMb: number } {
  const peaks = processTree(root).map((pid) => statusKb(pid, "VmHWM"));
  return { serverMb: Math.max(...peaks) / 1024, treeMb: peaks.reduce((a, b) => a + b, 0) / 1024 };
}
