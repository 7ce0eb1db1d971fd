"use client";

import type { ReactNode } from "react";
import { useSubmittedValues } from "./form";

/** A checkbox or radio inside an ActionForm that keeps the submitted choice after a refused submission. */
export function Choice({ type, name, value = "on", defaultChecked, children }: { type: "checkbox" | "radio"; name: string; value?: string; defaultChecked?: boolean; children: ReactNode }) {
  const submitted = useSubmittedValues();
  const hasSubmission = Object.keys(submitted).length > 0;
  const checked = hasSubmission ? submitted[name] === value : defaultChecked;
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type={type} name={name} value={value} defaultChecked={checked} key={String(checked)} />
      {children}
    </label>
  );
}
