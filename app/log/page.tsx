import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Plan log" };

export default function LogPage() {
  return (
    <>
      <PageHeader title="Plan log">Every change of a packet&apos;s state, appended in the plan&apos;s log format.</PageHeader>
      <p className="rounded-lg border border-line bg-surface p-4 text-muted">The plan log has no entries yet.</p>
    </>
  );
}
