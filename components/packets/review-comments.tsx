// The review comments on a learner's packet page, with the form that resolves each.
import { resolveCommentAction } from "@/app/programs/[program]/modules/[module]/packet/actions";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import type { PacketDetail } from "@/lib/packets/queries";

/** The comments reviewers pinned to evidence, each resolved or, while the packet is open, with a form to resolve it. */
export function ReviewComments({ comments, resolvable }: { comments: PacketDetail["comments"]; resolvable: boolean }) {
  return (
    <ul className="space-y-3">
      {comments.map((c) => (
        <li key={c.id} className="rounded-lg border border-line bg-surface p-4">
          <p className="text-sm text-muted">
            {c.authorName} on <a href={`#evidence-${c.evidenceItemKey}`}>{c.evidenceItemKey}</a>
          </p>
          <p>{c.body}</p>
          {c.resolution ? (
            <p className="mt-1 text-sm text-success">Resolved: {c.resolution.note}</p>
          ) : resolvable ? (
            <ActionForm action={resolveCommentAction} label="Resolve comment" className="mt-2">
              <input type="hidden" name="commentId" value={c.id} />
              <Field name="note" label="What you changed" />
              <SubmitButton tone="plain">Mark resolved</SubmitButton>
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
