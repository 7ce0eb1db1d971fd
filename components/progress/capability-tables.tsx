import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/packets/status-badge";
import { DataTable } from "@/components/ui/data-table";
import type { Program } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { average, capabilitySpine, endState, type ModuleStanding } from "@/lib/progress/capabilities";
import { count } from "@/lib/ui/plural";

function ModuleLinks({ program, modules, own }: { program: Program; modules: ModuleStanding[]; own: boolean }) {
  return (
    <ul className="grid gap-1">
      {modules.map((s) => {
        const mod = program.modules.find((m) => m.meta.number === s.number)!;
        return (
          <li key={s.number} className="flex flex-wrap items-center gap-2">
            <Link href={`${moduleRoute(program.slug, mod.slug)}${own && s.packetId ? "/packet" : ""}`} className="underline">
              {s.number}. {s.title}
            </Link>
            <StatusBadge status={s.status} imported={s.imported} />
          </li>
        );
      })}
    </ul>
  );
}

/** Each capability with the modules and evidence behind it, and the latest reviewer scores. */
export function CapabilitySpine({ program, standings, own }: { program: Program; standings: ModuleStanding[]; own: boolean }) {
  return (
    <div className="table-stack">
      <DataTable
        label="Capabilities with their modules, evidence and scores"
        headers={["Capability", "Modules", "Evidence", "Latest review scores"]}
        rowHeaders
        rows={capabilitySpine(program, standings).map((row) => ({
          key: row.capability,
          cells: [
            row.capability,
            <ModuleLinks key="m" program={program} modules={row.modules} own={own} />,
            row.evidence === 0
              ? "none yet"
              : `${count(row.evidence, "item")}${row.modules.length > 1 ? `: ${row.modules.map((m) => `M${m.number} ${m.evidence.length}`).join(", ")}` : ""}`,
            row.modules.some((m) => m.latest)
              ? row.modules
                  .filter((m) => m.latest)
                  .map((m) => `M${m.number}: average ${average(m.latest!.scores)} (${m.latest!.verdict} by ${m.latest!.reviewer})`)
                  .join("; ")
              : "not reviewed yet",
          ],
        }))}
      />
    </div>
  );
}

/** The proficiency end-state of each rubric dimension, the work that trains it and the scores so far. */
export function EndStateTable({ program, standings }: { program: Program; standings: ModuleStanding[] }) {
  return (
    <div className="table-stack">
      <DataTable
        label="End-state targets with their modules, evidence and scores"
        headers={["Dimension", "End-state target", "Trained in modules", "Evidence", "Latest scores"]}
        rowHeaders
        rows={endState(program, standings).map((row) => ({
          key: row.dimension,
          cells: [
            row.label,
            row.target,
            row.modules.join(", ") || "—",
            `${count(row.drillAttempts, "drill attempt")}, ${count(row.exerciseResults, "exercise result")}`,
            row.scores.length > 0 ? row.scores.map((s) => `M${s.moduleNumber}: ${s.score}`).join(", ") : "not reviewed yet",
          ],
        }))}
      />
    </div>
  );
}
