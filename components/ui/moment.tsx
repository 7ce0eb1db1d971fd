import { formatMoment } from "@/lib/time/zone";
import { viewerZone } from "@/lib/time/viewer";

/** A stored moment as the viewer's clock showed it, with their zone's short name; the machine-readable time stays UTC. */
export async function Moment({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatMoment(at, await viewerZone())}</time>;
}
