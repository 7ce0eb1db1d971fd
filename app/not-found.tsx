import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";

export default function NotFound() {
  return (
    <>
      <PageHeader title="Page not found">There is nothing at this address.</PageHeader>
      <p>
        Go to the <Link href="/" className="underline">dashboard</Link>, the <Link href="/programs" className="underline">programs</Link>, or press{" "}
        <kbd className="rounded border border-line px-1 font-mono">/</kbd> to search.
      </p>
    </>
  );
}
