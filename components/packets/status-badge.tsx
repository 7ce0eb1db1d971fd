import { Badge } from "@/components/ui/badge";

const TONES = { pending: "neutral", in_progress: "accent", blocked: "warning", review_required: "warning", completed: "success" } as const;
const LABELS = { pending: "Pending", in_progress: "In progress", blocked: "Blocked", review_required: "Review required", completed: "Completed" } as const;

export function StatusBadge({ status }: { status: string }) {
  const key = (status in LABELS ? status : "pending") as keyof typeof LABELS;
  return <Badge tone={TONES[key]}>{LABELS[key]}</Badge>;
}
