import { Link } from "@/components/ui/link";

type Props = { verdict: string; summary: string; next: { href: string; label: string } | null };

/** What a reviewer sees after their verdict: what was recorded, and the next packet in the queue. */
export function VerdictOutcome({ verdict, summary, next }: Props) {
  return (
    <section
      id="outcome"
      role="status"
      aria-labelledby="outcome-title"
      className="mb-6 rounded-lg border border-success bg-success-soft p-4"
    >
      <h2 id="outcome-title" className="font-semibold">
        {verdict === "accept" ? "Approved" : "Changes requested"}: {summary}
      </h2>
      <p className="mt-1 text-sm">
        {verdict === "accept"
          ? "The packet is completed and the learner can move on."
          : "The packet is back with the learner, with your feedback, remarks and comments."}
      </p>
      <p className="mt-3">
        {next ? (
          <Link href={next.href} className="font-medium underline">
            Next in queue: {next.label} →
          </Link>
        ) : (
          <>
            No other packet is waiting.{" "}
            <Link href="/review" className="underline">
              Back to the review queue
            </Link>
          </>
        )}
      </p>
    </section>
  );
}
