"use client";

import { type ReactNode, useState } from "react";

/** Shows hints one at a time, gentlest first. */
export function Hints({ hints }: { hints: ReactNode[] }) {
  const [shown, setShown] = useState(0);
  return (
    <div>
      <ol className="space-y-3" aria-live="polite">
        {hints.slice(0, shown).map((hint, index) => (
          <li key={index} className="card p-3">
            <p className="mb-1 text-sm font-semibold text-muted">
              Hint {index + 1} of {hints.length}
            </p>
            {hint}
          </li>
        ))}
      </ol>
      {shown < hints.length ? (
        <button
          type="button"
          onClick={() => setShown((n) => n + 1)}
          className="mt-3 rounded border border-line px-3 py-1.5 hover:bg-sunken"
        >
          {shown === 0 ? "Show the first hint" : `Show hint ${shown + 1} of ${hints.length}`}
        </button>
      ) : (
        <p className="mt-3 text-sm text-muted">All {hints.length} hints shown.</p>
      )}
    </div>
  );
}
