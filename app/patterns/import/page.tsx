import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ImportForm } from "@/components/library/import-form";
import { openLibrary } from "@/components/library/library-access";
import { PageHeader } from "@/components/ui/page-header";
import { IMPORT_LIMITS } from "@/lib/library/import";
import { libraryRoute } from "@/lib/library/links";

export const metadata: Metadata = { title: "Import patterns and playbook" };

export default async function ImportPage() {
  const header = (
    <PageHeader title="Import patterns and playbook" eyebrow={<Link href={libraryRoute()}>Pattern library</Link>}>
      Bring back an export: the zip, its unpacked folder, or the single playbook file. New patterns and entries are created; ones you
      already have (same slug) get the imported text as a new version. You see every conflict and problem before anything is written, and a
      file with a problem stops the whole import. Up to {IMPORT_LIMITS.uploadBytes / 1024 / 1024} MB.
    </PageHeader>
  );
  const { opened, notice } = await openLibrary({
    header,
    what: "your pattern library",
    ownOnly: "Imports go into your own learner profile; you have none.",
  });
  if (!opened) return notice;
  return (
    <>
      {header}
      <ImportForm endpoint="/patterns/import/upload" />
    </>
  );
}
