import { Badge } from "@/components/ui/badge";
import { IMPORTED_COMPLETION } from "@/lib/packets/imported";

const TONES = { pending: "neutral", in_progress: "accent", blocked: "warning", review_required: "warning", completed: "success" } as const;
const LABELS = {
  pending: "Pending",
  in_progress: "In progress",
  blocked: "Blocked",
  review_required: "Review required",
  completed: "Completed",
} as const;

/** A packet's status; an imported completion also says it was not reviewed here. */
export function StatusBadge({ status, imported = false }: { status: string; imported?: boolean }) {
  const key = (status in LABELS ? status : "pending") as keyof typeof LABELS;
  return (
    <>
      <Badge tone={TONES[key]}>{LABELS[key]}</Badge>
      {imported && key === "completed" ? <Badge tone="neutral">{IMPORTED_COMPLETION}</Badge> : null}
    </>
  );
}
