import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { type ReadablePlan, readablePlan } from "@/lib/execplans/queries";

/** The plan for a plan page, or a sign-in prompt instead; 404 for an unknown plan and for another learner's. */
export async function readableOrNotice(
  planId: string,
  title: string,
): Promise<{ plan: ReadablePlan; notice?: never } | { plan?: never; notice: ReactNode }> {
  const signedIn = await currentUser();
  const notice = (children: ReactNode) => (
    <>
      <PageHeader title={title} eyebrow={<Link href="/plans">Plans</Link>} />
      <p className="card p-4">{children}</p>
    </>
  );
  if (!signedIn) {
    return {
      notice: notice(
        <>
          <Link href="/signin" className="underline">
            Sign in
          </Link>{" "}
          to read plans.
        </>,
      ),
    };
  }
  try {
    return { plan: await readablePlan(signedIn, planId) };
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
}

/** A revision number from the query string, or the latest when absent or unknown. */
export function revisionParam(plan: ReadablePlan, value: string | undefined): number {
  const number = Number(value);
  return Number.isInteger(number) && plan.revisions.some((r) => r.number === number) ? number : plan.latest.number;
}
