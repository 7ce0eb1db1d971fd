// Every saved version of a pattern or playbook entry, newest first: what changed from the one
// before as line diffs, and the whole text on request.
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { LineDiff } from "@/components/ui/line-diff";
import { PageHeader } from "@/components/ui/page-header";
import { Moment } from "@/components/ui/moment";
import { diffLines } from "@/lib/diff";

export type ShownVersion = {
  version: number;
  createdAt: Date;
  actorKind: string;
  actorLabel: string;
  fields: [label: string, text: string][];
  content: ReactNode;
};

export function VersionHistory({
  title,
  back,
  versions,
}: {
  title: string;
  back: { href: string; label: string };
  versions: ShownVersion[];
}) {
  return (
    <>
      <PageHeader title={`History of “${title}”`} eyebrow={<Link href={back.href}>{back.label}</Link>}>
        Every save is kept; earlier versions are never changed.
      </PageHeader>
      <ol className="space-y-4" aria-label="Versions">
        {versions.map((v, i) => {
          const before = versions[i + 1];
          const changed = v.fields.filter(([label, text]) => (before?.fields.find(([l]) => l === label)?.[1] ?? "") !== text);
          return (
            <li key={v.version} className="card p-4">
              <h2 className="font-semibold">
                Version {v.version}
                <span className="ml-2 text-sm font-normal text-muted">
                  <Moment at={v.createdAt} /> · by {v.actorKind} {v.actorLabel}
                </span>
                {i === 0 ? <span className="ml-2 text-sm font-normal text-muted">(current)</span> : null}
              </h2>
              {before ? (
                changed.length === 0 ? (
                  <p className="text-sm text-muted">No change to the text.</p>
                ) : (
                  changed.map(([label, text]) => (
                    <div key={label} className="mt-2">
                      <h3 className="text-sm font-medium">{label}</h3>
                      <LineDiff
                        lines={diffLines(before.fields.find(([l]) => l === label)?.[1] ?? "", text)}
                        label={`Changes in ${label}, version ${v.version}`}
                      />
                    </div>
                  ))
                )
              ) : (
                <p className="text-sm text-muted">First version.</p>
              )}
              <details className="mt-3">
                <summary className="cursor-pointer text-sm underline">Show version {v.version} in full</summary>
                <div className="mt-2">{v.content}</div>
              </details>
            </li>
          );
        })}
      </ol>
    </>
  );
}
