import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { StatusBadge } from "@/components/packets/status-badge";
import { WaiverForm } from "@/components/packets/waiver-form";
import { Section } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { getProgram, moduleByNumber } from "@/lib/content";
import { reviewQueue, waivableLearners } from "@/lib/reviews/service";

export const metadata: Metadata = { title: "Review" };

function waiting(since: Date | null, now: Date): string {
  if (!since) return "";
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  return hours < 1 ? "under an hour" : hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

export default async function ReviewQueuePage() {
  const signedIn = await currentUser();
  const header = <PageHeader title="Review queue">Work packets waiting for a reviewer&apos;s sign-off, oldest first.</PageHeader>;
  if (!signedIn?.asReviewer) forbidden();
  const [queue, learners] = await Promise.all([reviewQueue(), waivableLearners(signedIn.user.id)]);
  const now = new Date();
  return (
    <>
      {header}
      {queue.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-4 text-muted">No packets are waiting for review.</p>
      ) : (
        <ol className="divide-y divide-line rounded-lg border border-line bg-surface">
          {queue.map((packet) => {
            const program = getProgram(packet.learner.programSlug);
            const mod = program ? moduleByNumber(program, packet.moduleNumber) : null;
            const own = packet.learner.ownerId === signedIn.user.id;
            return (
              <li key={packet.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <Link href={`/review/${packet.id}`} className="font-medium hover:underline">
                    {packet.learner.name} — Module {packet.moduleNumber}
                    {mod ? `: ${mod.meta.title}` : ""}
                  </Link>
                  <span className="block text-xs text-muted">
                    attempt {packet.attempt} · waiting {waiting(packet.submittedAt, now)}
                    {own ? " · your own profile: another reviewer must review it" : ""}
                  </span>
                </span>
                <StatusBadge status={packet.status} />
              </li>
            );
          })}
        </ol>
      )}
      {learners.length > 0 ? (
        <Section id="waiver" title="Waive a prerequisite">
          <WaiverForm learners={learners} />
        </Section>
      ) : null}
    </>
  );
}
