"use client";

import { useRouter } from "next/navigation";

/**
 * A reviewer's choice of whose progress to show: a plain GET form (so the address can be
 * shared) that follows the choice as soon as it changes; without scripts, a "Show" button.
 */
export function LearnerPicker({
  learners,
  selected,
  action,
  label = "Learner",
}: {
  learners: { id: string; name: string; programSlug?: string }[];
  selected?: string;
  action: string;
  label?: string;
}) {
  const router = useRouter();
  if (learners.length === 0) return null;
  return (
    <form action={action} method="get" aria-label="Choose a learner" className="mb-4 flex flex-wrap items-end gap-2 print:hidden">
      <label className="flex min-w-0 max-w-full items-center gap-2 text-sm">
        {label}
        <select
          name="learner"
          defaultValue={selected}
          onChange={(event) => router.push(`${action}?learner=${encodeURIComponent(event.currentTarget.value)}`)}
          className="min-w-0 max-w-full rounded border border-line bg-surface px-2 py-1"
        >
          {learners.map((l) => (
            <option key={l.id} value={l.id}>
              {l.programSlug ? `${l.name} (${l.programSlug})` : l.name}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit" className="rounded border border-line px-3 py-1 text-sm">
          Show
        </button>
      </noscript>
    </form>
  );
}
