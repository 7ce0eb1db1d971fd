import type { Metadata } from "next";
import Link from "next/link";
import { EntryFields } from "@/components/library/entry-fields";
import { LibraryUnavailable, resolveLibrary } from "@/components/library/library-access";
import { ActionForm } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { playbookRoute } from "@/lib/library/links";
import { patternTitles } from "@/lib/library/patterns";
import { PLAYBOOK_KINDS, type PlaybookKind } from "@/lib/library/schema";
import { createEntryAction } from "../actions";

export const metadata: Metadata = { title: "New playbook entry" };

export default async function NewEntryPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const { kind } = await searchParams;
  const access = await resolveLibrary();
  const header = <PageHeader title="New playbook entry" eyebrow={<Link href={playbookRoute()}>Playbook</Link>} />;
  if (access.kind !== "ok" || !access.owner.canEdit) {
    return (
      <>
        {header}
        <LibraryUnavailable
          access={access.kind === "ok" ? { kind: "refused", message: "The playbook belongs to a learner profile; you have none." } : access}
          what="your playbook"
        />
      </>
    );
  }
  const titles = await patternTitles(access.owner.learnerId);
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
