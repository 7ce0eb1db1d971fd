"use client";

import { type ReactNode, useState } from "react";

/** Keeps its content out of the page until the learner explicitly asks for it. */
export function Reveal({ label, warning, children }: { label: string; warning: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  if (open) return <div>{children}</div>;
  return (
    <div className="rounded-lg border border-dashed border-line p-4">
      <p className="text-muted">{warning}</p>
      <button type="button" onClick={() => setOpen(true)} className="mt-3 rounded bg-accent px-3 py-1.5 font-medium text-accent-ink">
        {label}
      </button>
    </div>
  );
}
