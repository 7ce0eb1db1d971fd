// The comments a reviewer pinned to one evidence item, each with the learner's answer.
import { resolveCommentAction } from "@/app/programs/[program]/modules/[module]/packet/actions";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { Moment } from "@/components/ui/moment";
import type { PacketDetail } from "@/lib/packets/queries";

type Comments = PacketDetail["comments"];

/**
 * The threads under an evidence card: the reviewer's comment, then the learner's note on what
 * they changed ("resolved"), or, while the learner can still rework, the form to write it.
 */
export function CommentThreads({ comments, resolvable }: { comments: Comments; resolvable: boolean }) {
  if (comments.length === 0) return null;
  return (
    <ul className="mt-3 space-y-2" aria-label="Review comments">
      {comments.map((c) => (
        <li key={c.id} className="rounded border border-line bg-sunken p-3 text-sm">
          <p className="text-xs text-muted">
            {c.authorName} (reviewer) · <Moment at={c.createdAt} />
          </p>
          <p className="whitespace-pre-wrap">{c.body}</p>
          {c.resolution ? (
            <div className="mt-2 border-l-2 border-success pl-3">
              <p className="text-xs text-muted">
                Resolved by the learner · <Moment at={c.resolution.createdAt} />
              </p>
              <p className="whitespace-pre-wrap">{c.resolution.note}</p>
            </div>
          ) : resolvable ? (
            <ActionForm action={resolveCommentAction} label="Resolve comment" className="mt-2">
              <input type="hidden" name="commentId" value={c.id} />
              <Field name="note" label="What you changed" />
              <SubmitButton tone="plain">Mark resolved</SubmitButton>
            </ActionForm>
          ) : (
            <p className="mt-1 font-medium text-warning">Not resolved yet</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** How many pinned comments the learner has not answered yet. */
export function unresolvedCount(comments: readonly { resolution: unknown }[]): number {
  return comments.filter((c) => !c.resolution).length;
}
