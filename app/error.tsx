"use client";

import { PageHeader } from "@/components/ui/page-header";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" data-testid="error-boundary">
      <PageHeader title="Something went wrong">This page could not be shown. Nothing you saved has been lost.</PageHeader>
      {error.digest ? <p className="text-sm text-muted">Reference: {error.digest} (the server log has the details)</p> : null}
      <button type="button" onClick={reset} className="mt-4 rounded bg-accent px-3 py-1.5 font-medium text-accent-ink">
        Try again
      </button>
    </div>
  );
}
