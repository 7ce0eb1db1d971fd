import { Markdown } from "@/components/markdown/markdown";
import { Moment } from "@/components/ui/moment";
import { Badge } from "@/components/ui/badge";
import { LineDiff } from "@/components/ui/line-diff";
import { CommentThreads } from "./comment-thread";
import { CheckRunView } from "./check-run-view";
import { NewVersionForm } from "./evidence-forms";
import { drillAttempt, drillSummary } from "@/lib/packets/evidence-data";
import { fileVersionDiff } from "@/lib/packets/file-versions";
import type { PacketDetail } from "@/lib/packets/queries";

type Row = PacketDetail["evidence"][number];

/** Notes are Markdown; other bodies are short plain text. */
function Body({ row }: { row: Row }) {
  if (!row.body) return null;
  return row.kind === "note" ? (
    <Markdown source={row.body} className="mt-1 text-sm" />
  ) : (
    <p className="mt-1 whitespace-pre-wrap text-sm">{row.body}</p>
  );
}

/** A link to another site: opens in a new tab without giving that site this page, and says so. */
function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break-all underline">
      {children}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> (external site, opens in a new tab)</span>
    </a>
  );
}

/** What a version holds beside its title: the address, the file, or the drill's figures. */
function Describe({ row }: { row: Row }) {
  if (row.kind === "link" && row.url) return <ExternalLink href={row.url}>{row.url}</ExternalLink>;
  if (row.kind === "file") {
    return (
      <>
        {row.fileName} ({row.fileType}, {row.fileSize} bytes) ·{" "}
        <a className="underline" href={`/evidence/${row.id}/file`}>
          Download v{row.version}
        </a>
      </>
    );
  }
  const d = row.kind === "drill" ? drillAttempt(row.data) : null;
  return d ? drillSummary(d) : null;
}

/** An internal id, out of the way: shown (and selectable to copy) on request. */
export function IdDetail({ label, id, testId }: { label: string; id: string; testId?: string }) {
  return (
    <details className="inline-block text-xs text-muted">
      <summary className="cursor-pointer">{label}</summary>
      <code className="select-all" data-testid={testId}>
        {id}
      </code>
    </details>
  );
}

/** For a file item, what its latest version changed: a line diff when both versions are text. */
async function FileChange({ before, after }: { before: Row; after: Row }) {
  const lines = await fileVersionDiff(before, after);
  if (!lines) return <p className="mt-1 text-sm text-muted">No line diff: one of the versions is not a short text file.</p>;
  return (
    <details className="mt-2 text-sm" open>
      <summary className="cursor-pointer">
        Changes from v{before.version} to v{after.version}
      </summary>
      <LineDiff lines={lines} label={`Changes in ${after.title} from v${before.version} to v${after.version}`} />
    </details>
  );
}

/**
 * Every evidence item with its versions (latest first), provenance, a download for files, and the
 * review comments pinned to it, which the learner can resolve when `resolvable`. With `packetId`,
 * each note, link and file card offers a form for its next version.
 */
export function EvidenceList({
  detail,
  highlight = [],
  resolvable = false,
  packetId,
  uploadTo,
}: {
  detail: PacketDetail;
  highlight?: string[];
  resolvable?: boolean;
  packetId?: string;
  /** Where a new file version is sent with upload progress. */
  uploadTo?: string;
}) {
  if (detail.items.length === 0) return <p className="text-muted">No evidence yet.</p>;
  return (
    <ul className="space-y-3" aria-label="Evidence items">
      {detail.items.map((item) => {
        const previous = item.versions.at(-2);
        return (
          <li
            key={item.key}
            id={`evidence-${item.key}`}
            aria-label={`${item.latest.title} (v${item.latest.version})`}
            className={`rounded-lg border p-3 ${highlight.includes(item.latest.id) ? "border-warning bg-warning-soft" : "border-line bg-surface"}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <strong>{item.latest.title}</strong>
              <Badge>{item.latest.kind}</Badge>
              <Badge tone="accent">v{item.latest.version}</Badge>
              {previous ? <span className="text-sm">replaces v{previous.version}</span> : null}
              {highlight.includes(item.latest.id) ? <Badge tone="warning">new since the last review</Badge> : null}
              <span className="text-xs text-muted">
                by {item.latest.actorKind} {item.latest.actorLabel} · <Moment at={item.latest.createdAt} />
              </span>
              <IdDetail label="Key" id={item.key} />
            </div>
            <p className="mt-1 text-sm">
              <Describe row={item.latest} />
            </p>
            <Body row={item.latest} />
            <CheckRunView data={item.latest.data} />
            {previous && item.latest.kind === "file" ? <FileChange before={previous} after={item.latest} /> : null}
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
                          v{v.version} · {v.actorKind} {v.actorLabel} · <Moment at={v.createdAt} />
                        </span>
                        <p>
                          <Describe row={v} />
                        </p>
                        <Body row={v} />
                      </li>
                    ))}
                </ol>
              </details>
            ) : null}
            {packetId && ["note", "link", "file"].includes(item.latest.kind) ? (
              <NewVersionForm packetId={packetId} latest={item.latest} uploadTo={uploadTo} />
            ) : null}
            <CommentThreads comments={detail.comments.filter((c) => c.evidenceItemKey === item.key)} resolvable={resolvable} />
          </li>
        );
      })}
    </ul>
  );
}
