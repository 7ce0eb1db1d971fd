import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { WaiverForm } from "@/components/packets/waiver-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { Moment } from "@/components/ui/moment";
import { QUEUE_SORTS, QueueSortSchema, reviewQueueRows, waiverChoices } from "@/lib/reviews/queue";

export const metadata: Metadata = { title: "Review" };

function waiting(since: Date | null, now: Date): string {
  if (!since) return "";
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  return hours < 1 ? "under an hour" : hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

const cell = "px-3 py-2 align-top";

/** The queue's address with its sort, and the learner whose waiver form is open. */
function queueHref(sort: string, waive?: string): string {
  const query = new URLSearchParams({ ...(sort === "waiting" ? {} : { sort }), ...(waive ? { waive } : {}) }).toString();
  return `/review${query ? `?${query}` : ""}`;
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ sort?: string; waive?: string }> }) {
  const signedIn = await currentUser();
  if (!signedIn?.asReviewer) forbidden();
  const query = await searchParams;
  const sort = QueueSortSchema.parse(query.sort);
  const [rows, learners] = await Promise.all([reviewQueueRows(signedIn.user.id, sort), waiverChoices(signedIn.user.id)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Review queue">Work packets waiting for a reviewer&apos;s sign-off.</PageHeader>
      {rows.length === 0 ? (
        <p className="card p-4 text-muted">No packets are waiting for review.</p>
      ) : (
        <>
          <nav aria-label="Sort the queue" className="mb-3 flex flex-wrap items-center gap-2 text-sm">
            Sort by
            {Object.entries(QUEUE_SORTS).map(([key, label]) => (
              <Link
                key={key}
                href={queueHref(key, query.waive)}
                aria-current={sort === key ? "page" : undefined}
                className="rounded border border-line px-2 py-1 aria-[current=page]:bg-accent-soft"
              >
                {label}
              </Link>
            ))}
          </nav>
          <div
            role="region"
            aria-label="Packets waiting for review"
            tabIndex={0}
            className="table-stack overflow-x-auto card max-sm:border-0 max-sm:bg-transparent"
          >
            <table className="w-full text-sm sm:min-w-[48rem]">
              <caption className="sr-only">Packets waiting for review, {QUEUE_SORTS[sort].toLowerCase()} first</caption>
              <thead className="bg-sunken text-left">
                <tr>
                  <th scope="col" className={cell}>
                    Packet
                  </th>
                  <th scope="col" className={cell}>
                    Submitted
                  </th>
                  <th scope="col" className={cell}>
                    Waiting
                  </th>
                  <th scope="col" className={cell}>
                    Self-score
                  </th>
                  <th scope="col" className={cell}>
                    Evidence
                  </th>
                  <th scope="col" className={cell}>
                    Open comments
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((row) => (
                  <tr key={row.packetId}>
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      <Link href={`/review/${row.packetId}`} className="font-medium hover:underline">
                        {row.learnerName} — Module {row.moduleNumber}
                        {row.moduleTitle ? `: ${row.moduleTitle}` : ""}
                      </Link>
                      <span className="block text-xs text-muted">
                        attempt {row.attempt}
                        {row.own ? " · your own profile: another reviewer must review it" : ""}
                      </span>
                    </th>
                    <td className={cell} data-label="Submitted">
                      {row.submittedAt ? <Moment at={row.submittedAt} /> : "—"}
                    </td>
                    <td className={cell} data-label="Waiting">
                      {waiting(row.submittedAt, now)}
                    </td>
                    <td className={cell} data-label="Self-score">
                      {row.selfScoreAverage ?? "—"}
                    </td>
                    <td className={cell} data-label="Evidence">
                      {row.evidenceItems}
                    </td>
                    <td className={cell} data-label="Open comments">
                      {row.unresolvedComments}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {learners.length > 0 ? (
        <Section id="learners" title="Learners">
          <ul className="divide-y divide-line card">
            {learners.map((learner) => (
              <li key={learner.id} id={`learner-${learner.id}`} className="p-3">
                <p className="font-medium">{learner.name}</p>
                {learner.choices.length === 0 ? (
                  <p className="text-sm text-muted">No prerequisite stands in the way of a module.</p>
                ) : learner.id === query.waive ? (
                  <WaiverForm learner={learner} />
                ) : (
                  // One form at a time: the link opens this learner's form in place of the link.
                  <Link href={`${queueHref(sort, learner.id)}#learner-${learner.id}`} className="text-sm underline">
                    Waive a prerequisite for {learner.name}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
