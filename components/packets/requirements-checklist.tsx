// A module's requirements with what the packet holds for each: the top of the learner's packet
// page and of the reviewer's page. Each row says met or open in words as well as with ✓ or ✗.
import { Link } from "@/components/ui/link";
import { GROUP_ORDER, type Requirement, REQUIREMENT_GROUPS } from "@/lib/packets/requirements";

/** Met of all, as "5 of 19 met". */
export function metCount(requirements: readonly Requirement[]): string {
  return `${requirements.filter((r) => r.met).length} of ${requirements.length} met`;
}

/** The checklist, grouped; with `hrefOf`, each requirement links to where it is recorded. */
export function RequirementsChecklist({ requirements, hrefOf }: { requirements: Requirement[]; hrefOf?: (r: Requirement) => string }) {
  return (
    <div className="grid gap-4 card p-4 sm:grid-cols-2 xl:grid-cols-4">
      {GROUP_ORDER.map((group) => {
        const rows = requirements.filter((r) => r.group === group);
        if (rows.length === 0) return null;
        return (
          <div key={group}>
            <h3 className="mb-1 text-sm font-semibold">
              {REQUIREMENT_GROUPS[group]} <span className="font-normal text-muted">({metCount(rows)})</span>
            </h3>
            <ul className="space-y-1 text-sm" aria-label={REQUIREMENT_GROUPS[group]}>
              {rows.map((r) => (
                <li key={r.ref} className="flex gap-2" data-met={r.met}>
                  <span aria-hidden="true" className={`font-bold ${r.met ? "text-success" : "text-danger"}`}>
                    {r.met ? "✓" : "✗"}
                  </span>
                  <span className="min-w-0">
                    <span className="sr-only">{r.met ? "Met: " : "Open: "}</span>
                    {hrefOf ? (
                      <Link href={hrefOf(r)} className="line-clamp-2 underline decoration-line" title={r.label}>
                        {r.label}
                      </Link>
                    ) : (
                      <span className="line-clamp-2" title={r.label}>
                        {r.label}
                      </span>
                    )}
                    <span className="block text-xs text-muted">{r.status}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
