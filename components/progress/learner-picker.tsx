/** A reviewer's choice of whose progress to show (a plain GET form, so the address can be shared). */
export function LearnerPicker({ learners, selected, action }: { learners: { id: string; name: string; programSlug: string }[]; selected?: string; action: string }) {
  if (learners.length === 0) return null;
  return (
    <form action={action} method="get" aria-label="Choose a learner" className="mb-4 flex flex-wrap items-end gap-2">
      <label className="text-sm">
        Learner
        <select name="learner" defaultValue={selected} className="ml-2 rounded border border-line bg-surface px-2 py-1">
          {learners.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.programSlug})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-line px-3 py-1 text-sm">
        Show
      </button>
    </form>
  );
}
