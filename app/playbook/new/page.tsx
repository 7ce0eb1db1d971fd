import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { EntryFields } from "@/components/library/entry-fields";
import { openLibrary } from "@/components/library/library-access";
import { ActionForm } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { playbookRoute } from "@/lib/library/links";
import { patternTitles } from "@/lib/library/patterns";
import { PLAYBOOK_KINDS, type PlaybookKind } from "@/lib/library/schema";
import { createEntryAction } from "../actions";

export const metadata: Metadata = { title: "New playbook entry" };

export default async function NewEntryPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const { kind } = await searchParams;
  const header = <PageHeader title="New playbook entry" eyebrow={<Link href={playbookRoute()}>Playbook</Link>} />;
  const { opened, notice } = await openLibrary({
    header,
    what: "your playbook",
    ownOnly: "The playbook belongs to a learner profile; you have none.",
  });
  if (!opened) return notice;
  const titles = await patternTitles(opened.owner.learnerId);
  const defaults = { kind: (PLAYBOOK_KINDS as readonly string[]).includes(kind ?? "") ? (kind as PlaybookKind) : undefined };
  return (
    <>
      {header}
      <ActionForm action={createEntryAction} label="New playbook entry">
        <EntryFields defaults={defaults} titles={titles} submitLabel="Save entry" />
      </ActionForm>
    </>
  );
}
