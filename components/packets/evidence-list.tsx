import { Markdown } from "@/components/markdown/markdown";
import { formatTimestamp } from "@/lib/log/format";
import { Badge } from "@/components/ui/badge";
import { CommentThreads } from "./comment-thread";
import { CheckRunView } from "./check-run-view";
import { drillAttempt } from "@/lib/packets/evidence-data";
import type { PacketDetail } from "@/lib/packets/queries";

/** Notes are Markdown; other bodies are short plain text. */
function Body({ row }: { row: PacketDetail["evidence"][number] }) {
  if (!row.body) return null;
  return row.kind === "note" ? (
    <Markdown source={row.body} className="mt-1 text-sm" />
  ) : (
    <p className="mt-1 whitespace-pre-wrap text-sm">{row.body}</p>
  );
}

function describe(row: PacketDetail["evidence"][number]): string {
  if (row.kind === "link") return row.url ?? "";
  if (row.kind === "file") return `${row.fileName} (${row.fileType}, ${row.fileSize} bytes, sha256 ${row.sha256?.slice(0, 12)}…)`;
  const d = row.kind === "drill" ? drillAttempt(row.data) : null;
  if (d) {
    return `${d.reps} reps in ${Math.round(d.seconds / 60)} min ${d.seconds % 60} s — ${d.passed ? "passed" : "not passed"}${d.withinTimebox === null ? "" : d.withinTimebox ? ", within the time box" : ", over the time box"}`;
  }
  return "";
}

/**
 * Every evidence item with its versions (latest first), provenance, a download for files, and the
 * review comments pinned to it, which the learner can resolve when `resolvable`.
 */
export function EvidenceList({
  detail,
  highlight = [],
  resolvable = false,
}: {
  detail: PacketDetail;
  highlight?: string[];
  resolvable?: boolean;
}) {
  if (detail.items.length === 0) return <p className="text-muted">No evidence yet.</p>;
  return (
    <ul className="space-y-3">
      {detail.items.map((item) => (
        <li
          key={item.key}
          id={`evidence-${item.key}`}
          className={`rounded-lg border p-3 ${highlight.includes(item.latest.id) ? "border-warning bg-warning-soft" : "border-line bg-surface"}`}
        >
          <p className="flex flex-wrap items-center gap-2">
            <strong>{item.latest.title}</strong>
            <Badge>{item.latest.kind}</Badge>
            <Badge tone="accent">v{item.latest.version}</Badge>
            {highlight.includes(item.latest.id) ? <Badge tone="warning">new since the last review</Badge> : null}
            <span className="text-xs text-muted">
              key {item.key} · by {item.latest.actorKind} {item.latest.actorLabel} · {formatTimestamp(item.latest.createdAt)}
            </span>
          </p>
          {describe(item.latest) ? <p className="mt-1 text-sm">{describe(item.latest)}</p> : null}
          <Body row={item.latest} />
          <CheckRunView data={item.latest.data} />
          {item.latest.kind === "file" ? (
            <a className="text-sm underline" href={`/evidence/${item.latest.id}/file`}>
              Download
            </a>
          ) : null}
          {item.versions.length > 1 ? (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer">Earlier versions ({item.versions.length - 1})</summary>
              <ol className="mt-2 space-y-2">
                {item.versions
                  .slice(0, -1)
                  .reverse()
                  .map((v) => (
                    <li key={v.id} className="rounded border border-line p-2">
                      <span className="text-xs text-muted">
                        v{v.version} · {v.actorKind} {v.actorLabel} · {formatTimestamp(v.createdAt)}
                      </span>
                      {describe(v) ? <p>{describe(v)}</p> : null}
                      <Body row={v} />
                      {v.kind === "file" ? (
                        <a className="underline" href={`/evidence/${v.id}/file`}>
                          Download v{v.version}
                        </a>
                      ) : null}
                    </li>
                  ))}
              </ol>
            </details>
          ) : null}
          <CommentThreads comments={detail.comments.filter((c) => c.evidenceItemKey === item.key)} resolvable={resolvable} />
        </li>
      ))}
    </ul>
  );
}
