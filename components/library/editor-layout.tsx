// The pattern and playbook editors: the fields with their submit button, the live preview beside
// them on wide screens and below them on narrow ones.
import type { ReactNode } from "react";
import { SubmitButton } from "@/components/ui/form";
import { LivePreview } from "./live-preview";

export function EditorLayout({
  mode,
  titles,
  submitLabel,
  children,
}: {
  mode: "pattern" | "entry";
  titles: Record<string, string>;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div>
        {children}
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
      <div className="lg:sticky lg:top-20 lg:self-start">
        <LivePreview mode={mode} titles={titles} />
      </div>
    </div>
  );
}
