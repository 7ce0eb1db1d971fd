"use client";

import type { ReactNode } from "react";
import { useAutosave } from "@/components/ui/autosave";

export type TickAction = (slug: string, itemKey: string, ticked: boolean) => Promise<string | null>;

/** A checklist item whose tick is saved as soon as it changes. */
export function TickBox({
  slug,
  itemKey,
  ticked,
  action,
  children,
}: {
  slug: string;
  itemKey: string;
  ticked: boolean;
  action: TickAction;
  children: ReactNode;
}) {
  const { shown, error, change } = useAutosave(ticked, (next) => action(slug, itemKey, next));
  return (
    <>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1.5 size-4 shrink-0" checked={shown} onChange={(event) => change(event.target.checked)} />
        <span>{children}</span>
      </label>
      {error ? (
        <p role="alert" className="ml-6 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}
