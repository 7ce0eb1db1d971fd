import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { EntryFields } from "@/components/library/entry-fields";
import { openLibrary } from "@/components/library/library-access";
import { ActionForm } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { entryRoute } from "@/lib/library/links";
import { patternTitles } from "@/lib/library/patterns";
import { entryData, getEntry } from "@/lib/library/playbook";
import { updateEntryAction } from "../../actions";

export const metadata: Metadata = { title: "Edit playbook entry" };

export default async function EditEntryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { opened, notice } = await openLibrary({
    header: <PageHeader title="Edit playbook entry" />,
    what: "your playbook",
    ownOnly: "Only the learner who owns this playbook can edit it.",
  });
  if (!opened) return notice;
  const row = await getEntry(opened.owner.learnerId, slug);
  if (!row) notFound();
  const titles = await patternTitles(opened.owner.learnerId);
  return (
    <>
      <PageHeader title={`Edit “${row.title}”`} eyebrow={<Link href={entryRoute(slug)}>Back to the entry</Link>}>
        Saving keeps version {row.version} in the history and makes version {row.version + 1}.
      </PageHeader>
      <ActionForm action={updateEntryAction} label="Edit playbook entry">
        <input type="hidden" name="originalSlug" value={row.slug} />
        <input type="hidden" name="version" value={row.version} />
        <EntryFields defaults={entryData(row)} titles={titles} submitLabel="Save a new version" />
      </ActionForm>
    </>
  );
}
