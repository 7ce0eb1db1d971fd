import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/packets/status-badge";
import { Badge } from "@/components/ui/badge";
import { type ModuleState, moduleState, pathLanes } from "@/lib/content/graph";
import type { Program } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { IMPORTED_COMPLETION } from "@/lib/packets/imported";

const STATE_LABEL: Record<ModuleState, { text: string; tone: "success" | "accent" | "neutral" }> = {
  done: { text: "Done", tone: "success" },
  available: { text: "Available", tone: "accent" },
  locked: { text: "Locked", tone: "neutral" },
};

/** The prerequisite graph as ordered lanes: each lane can start once the lanes before it are done. */
export function LearningPath({
  program,
  completed,
  imported = new Set(),
  packets = [],
}: {
  program: Program;
  completed: ReadonlySet<number>;
  /** Completed modules whose verdict was given in another install. */
  imported?: ReadonlySet<number>;
  /** The learner's current packet of each module started: an open module shows its packet's status. */
  packets?: readonly { moduleNumber: number; status: string }[];
}) {
  const nodes = program.modules.map((m) => ({ number: m.meta.number, prerequisites: m.meta.prerequisites }));
  const lanes = pathLanes(nodes);
  return (
    <ol className="@container grid gap-3" aria-label="Learning path">
      {lanes.map((lane, index) => (
        <li key={lane.join("-")} className="card p-3">
          <p className="mb-2 text-sm font-semibold text-muted">
            Step {index + 1}
            {lane.length > 1 ? " — any order" : ""}
          </p>
          <ul className="grid gap-2 @xl:grid-cols-2 @4xl:grid-cols-3">
            {lane.map((number) => {
              const mod = program.modules.find((m) => m.meta.number === number)!;
              const state = moduleState({ number, prerequisites: mod.meta.prerequisites }, completed);
              const label = STATE_LABEL[state];
              const open = packets.find((p) => p.moduleNumber === number && p.status !== "pending");
              return (
                <li key={number} className="flex items-start justify-between gap-2 rounded border border-line p-2">
                  <span>
                    <Link href={moduleRoute(program.slug, mod.slug)} className="font-medium underline-offset-2 hover:underline">
                      {number}. {mod.meta.title}
                    </Link>
                    <span className="block text-xs text-muted">
                      {mod.meta.hours.min}–{mod.meta.hours.max} h
                      {mod.meta.prerequisites.length > 0 ? ` · after ${mod.meta.prerequisites.join(", ")}` : ""}
                    </span>
                  </span>
                  <span className="flex flex-col items-end gap-1">
                    {state !== "done" && open ? <StatusBadge status={open.status} /> : <Badge tone={label.tone}>{label.text}</Badge>}
                    {state === "done" && imported.has(number) ? <Badge tone="neutral">{IMPORTED_COMPLETION}</Badge> : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
