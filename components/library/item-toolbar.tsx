// What the page of a pattern or a playbook entry shows around its text: the saved notice, the
// edit/history/archive bar, and the wiki-links in it that name no pattern.
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import type { FormState } from "@/lib/forms";

type Props = {
  slug: string;
  what: "pattern" | "entry";
  version: number;
  archived: boolean;
  saved?: string;
  editHref: string | null;
  historyHref: string;
  archiveAction: ((state: FormState, formData: FormData) => Promise<FormState>) | null;
  children?: ReactNode;
};

export function ItemToolbar({ slug, what, version, archived, saved, editHref, historyHref, archiveAction, children }: Props) {
  return (
    <>
      {saved ? (
        <p role="status" className="mb-4 rounded border border-success bg-success-soft p-3 text-sm print:hidden">
          Saved as version {saved}.
        </p>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        {editHref ? (
          <Link href={editHref} className="rounded bg-accent px-3 py-1.5 font-medium text-accent-ink">
            Edit
          </Link>
        ) : null}
        <Link href={historyHref} className="rounded border border-line px-3 py-1.5">
          History ({version} {version === 1 ? "version" : "versions"})
        </Link>
        {archiveAction ? (
          <ActionForm action={archiveAction} label={`${archived ? "Restore" : "Archive"} ${what}`}>
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="archived" value={archived ? "false" : "true"} />
            <SubmitButton tone="plain">{archived ? "Restore" : "Archive"}</SubmitButton>
          </ActionForm>
        ) : null}
        {children}
      </div>
    </>
  );
}

export function BrokenLinksNotice({ slugs }: { slugs: string[] }) {
  if (slugs.length === 0) return null;
  return (
    <p className="mb-4 rounded border border-danger bg-danger-soft p-3 text-sm">
      Broken links: {slugs.map((b) => `[[${b}]]`).join(", ")} {slugs.length === 1 ? "names" : "name"} no pattern.
    </p>
  );
}
