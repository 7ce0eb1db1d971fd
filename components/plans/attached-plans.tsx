import { Link } from "@/components/ui/link";
import { Moment } from "@/components/ui/moment";
import { planRoute } from "@/lib/execplans/links";
import type { PacketPlan } from "@/lib/execplans/queries";
import { PlanProgress } from "./plan-progress";
import { PlanStatusBadge } from "./plan-status-badge";
import { count } from "@/lib/ui/plural";

/** ExecPlans attached to a packet, each at its pinned revision with progress by phase and the checker's counts. */
export function AttachedPlans({ plans, emptyText }: { plans: PacketPlan[]; emptyText: string }) {
  if (plans.length === 0) return <p className="text-muted">{emptyText}</p>;
  return (
    <ul className="space-y-3">
      {plans.map((plan) => (
        <li key={plan.planId} className="card p-3">
          <p className="flex flex-wrap items-center gap-2">
            <Link href={planRoute(plan.planId, plan.pinned.number)} className="font-semibold underline">
              {plan.pinned.title}
            </Link>
            <PlanStatusBadge status={plan.pinned.status} />
            <span className="text-xs text-muted">
              revision {plan.pinned.number}
              {plan.latestNumber > plan.pinned.number ? ` (the plan has revision ${plan.latestNumber}; pin it from the plan page)` : ""} ·
              attached by {plan.attachedBy} <Moment at={plan.attachedAt} />
            </span>
          </p>
          <p className="mt-1 text-sm">
            Checker:{" "}
            {plan.result.errors === 0 && plan.result.warnings === 0
              ? "no findings"
              : `${count(plan.result.errors, "error")}, ${count(plan.result.warnings, "warning")}`}
          </p>
          <div className="mt-2">
            <PlanProgress progress={plan.result.progress} label={`Progress of ${plan.pinned.title}`} />
          </div>
        </li>
      ))}
    </ul>
  );
}
