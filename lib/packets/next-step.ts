// The one action that moves a learner forward, from their packets' current state and the
// re-drills that are due.
import type { Program } from "../content";
import { moduleState } from "../content/graph";

export type NextStep =
  | { kind: "continue"; moduleNumber: number; text: string }
  | { kind: "rework"; moduleNumber: number; text: string }
  | { kind: "redrill"; moduleNumber: number; text: string; count: number }
  | { kind: "wait"; moduleNumber: number; text: string }
  | { kind: "unblock"; moduleNumber: number; text: string }
  | { kind: "start"; moduleNumber: number; text: string }
  | { kind: "done"; text: string };

type PacketState = { moduleNumber: number; status: string; rejected: boolean };
type DueRedrill = { moduleNumber: number; title: string };

/** Review feedback first, then due re-drills (short and time-bound), then the packet in progress, then what opens next. */
export function nextStep(program: Program, current: PacketState[], dueRedrills: DueRedrill[] = []): NextStep {
  const title = (n: number) => `Module ${n}: ${program.modules.find((m) => m.meta.number === n)?.meta.title ?? ""}`;
  const rework = current.find((p) => p.status === "in_progress" && p.rejected);
  if (rework)
    return { kind: "rework", moduleNumber: rework.moduleNumber, text: `Answer the review feedback on ${title(rework.moduleNumber)}.` };
  const [firstDue] = dueRedrills;
  if (firstDue) {
    const more = dueRedrills.length > 1 ? ` (${dueRedrills.length} re-drills are due)` : "";
    return { kind: "redrill", moduleNumber: firstDue.moduleNumber, count: dueRedrills.length, text: `Re-drill ${firstDue.title}${more}.` };
  }
  const active = current.find((p) => p.status === "in_progress");
  if (active) return { kind: "continue", moduleNumber: active.moduleNumber, text: `Continue ${title(active.moduleNumber)}.` };
  const waiting = current.find((p) => p.status === "review_required");
  if (waiting)
    return {
      kind: "wait",
      moduleNumber: waiting.moduleNumber,
      text: `${title(waiting.moduleNumber)} is waiting for your reviewer's sign-off.`,
    };
  const blocked = current.find((p) => p.status === "blocked");
  const completed = new Set(current.filter((p) => p.status === "completed").map((p) => p.moduleNumber));
  const available = program.modules.find(
    (m) =>
      !current.some((p) => p.moduleNumber === m.meta.number) &&
      moduleState({ number: m.meta.number, prerequisites: m.meta.prerequisites }, completed) === "available",
  );
  if (available) return { kind: "start", moduleNumber: available.meta.number, text: `Start ${title(available.meta.number)}.` };
  if (blocked)
    return { kind: "unblock", moduleNumber: blocked.moduleNumber, text: `Remove the blocker on ${title(blocked.moduleNumber)}.` };
  return { kind: "done", text: "Every module is completed." };
}
