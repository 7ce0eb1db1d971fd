import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntryBody } from "@/components/library/entry-body";
import { openLibrary } from "@/components/library/library-access";
import { VersionHistory } from "@/components/library/version-history";
import { PageHeader } from "@/components/ui/page-header";
import { entryRoute } from "@/lib/library/links";
import { entryHistory, getEntry } from "@/lib/library/playbook";
import { KIND_LABELS } from "@/lib/library/schema";

export const metadata: Metadata = { title: "Playbook entry history" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ learner?: string }> };

export default async function EntryHistoryPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { opened, notice } = await openLibrary({
    header: <PageHeader title="Playbook entry history" />,
    what: "this entry",
    learner: query.learner,
  });
  if (!opened) return notice;
  const row = await getEntry(opened.owner.learnerId, slug);
  if (!row) notFound();
  const versions = await entryHistory(row.id);
  return (
    <VersionHistory
      title={row.title}
      back={{ href: entryRoute(slug, opened.view), label: "Back to the entry" }}
      versions={versions.map((v) => ({
        version: v.version,
        createdAt: v.createdAt,
        actorKind: v.actorKind,
        actorLabel: v.actorLabel,
        fields: [
          ["Title", v.data.title],
          ["Slug", v.data.slug],
          ["Kind", KIND_LABELS[v.data.kind]],
          ["Archived", v.data.archived ? "yes" : "no"],
          ["Text", v.data.body],
        ],
        content: <EntryBody kind={v.data.kind} body={v.data.body} />,
      }))}
    />
  );
}
