import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { planRoute } from "@/lib/execplans/links";
import { listPlans } from "@/lib/execplans/queries";
import { Moment } from "@/components/ui/moment";
import { count } from "@/lib/ui/plural";

export const metadata: Metadata = { title: "Plans" };

const box = "card p-4";

export default async function PlansPage() {
  const signedIn = await currentUser();
  const header = (
    <PageHeader title="Plans">
      ExecPlans: living plans in the format of the ExecPlan spec, checked on every save, with progress from their task tables.{" "}
      <Link href="/plans/rules" className="underline">
        The checker&apos;s rules
      </Link>
    </PageHeader>
  );
  if (!signedIn) {
    return (
      <>
        {header}
        <p className={box}>
          <Link href="/signin" className="underline">
            Sign in
          </Link>{" "}
          to write and read plans.
        </p>
      </>
    );
  }
  const plans = await listPlans(signedIn);
  const showLearner = signedIn.asReviewer !== null;
  return (
    <>
      {header}
      {signedIn.learnerId ? (
        <p className="mb-4">
          <Link href="/plans/new" className="inline-block rounded bg-accent px-4 py-2 font-medium text-accent-ink">
            New plan
          </Link>
        </p>
      ) : null}
      {plans.length === 0 ? (
        <p className={`${box} text-muted`}>
          No plans yet.{signedIn.learnerId ? " Create one from the template or import an ExecPlan file." : ""}
        </p>
      ) : (
        <DataTable
          label="Plans"
          rowHeaders
          headers={["Plan", ...(showLearner ? ["Learner"] : []), "Status", "Progress", "Checker", "Last saved"]}
          rows={plans.map(({ id, learner, latest }) => ({
            key: id,
            cells: [
              <Link key="title" href={planRoute(id)} className="underline">
                {latest.title}
              </Link>,
              ...(showLearner ? [learner.name] : []),
              <PlanStatusBadge key="status" status={latest.status} />,
              latest.tasksTotal === 0 ? (
                <span key="progress" className="text-muted">
                  no tasks
                </span>
              ) : (
                <span key="progress" className="flex items-center gap-2">
                  <progress
                    className="h-2 w-20 accent-accent"
                    max={latest.tasksTotal}
                    value={latest.tasksDone}
                    aria-label={`${latest.title}: ${latest.tasksDone} of ${latest.tasksTotal} tasks completed`}
                  />
                  {Math.floor((latest.tasksDone / latest.tasksTotal) * 100)}%
                </span>
              ),
              latest.errors + latest.warnings === 0 ? "no findings" : `${count(latest.errors, "error")}, ${count(latest.warnings, "warning")}`,
              <span key="revision">
                revision {latest.number} · <Moment at={latest.createdAt} />
              </span>,
            ],
          }))}
        />
      )}
    </>
  );
}
