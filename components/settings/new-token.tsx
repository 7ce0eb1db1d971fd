"use client";

import { useFormResult } from "@/components/ui/form";

/** The secret of a token just created, shown once inside its form, ready to copy. */
export function NewToken() {
  const { token } = useFormResult() as { token?: string };
  if (!token) return null;
  return (
    <div className="mb-4 rounded border border-success bg-success-soft p-3 text-sm">
      <label htmlFor="new-token" className="block font-medium">
        Your new API token (shown once)
      </label>
      <input
        id="new-token"
        readOnly
        value={token}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-1 w-full rounded border border-line bg-surface px-2 py-1 font-mono"
      />
      <p className="mt-2">
        Use it from a shell: <code className="break-all">export MASTERY_TOKEN={token}</code>
      </p>
    </div>
  );
}
