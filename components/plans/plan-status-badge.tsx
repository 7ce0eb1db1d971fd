import { Badge } from "@/components/ui/badge";

const TONES = { draft: "neutral", in_progress: "accent", review_required: "warning", completed: "success" } as const;

/** The plan's Status metadata field; anything else is shown as written, flagged. */
export function PlanStatusBadge({ status }: { status: string }) {
  const tone = TONES[status as keyof typeof TONES];
  return <Badge tone={tone ?? "danger"}>{tone ? status.replace("_", " ") : status ? `unknown status: ${status}` : "no status"}</Badge>;
}
