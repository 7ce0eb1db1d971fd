import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <>
      <PageHeader title="Review queue">Work packets waiting for a reviewer&apos;s sign-off, oldest first.</PageHeader>
      <p className="rounded-lg border border-line bg-surface p-4 text-muted">No packets are waiting for review.</p>
    </>
  );
}
