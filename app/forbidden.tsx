import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";

/** 403: pages only a signed-in reviewer opens (the review queue, a review, people). */
export default async function Forbidden() {
  const signedIn = await currentUser();
  return (
    <>
      <PageHeader title="Not allowed">This page is for reviewers: they review packets and manage learners and reviewers.</PageHeader>
      <p className="card p-4">
        {signedIn ? (
          <>
            You are signed in as {signedIn.user.name}, who is not a reviewer. <Link href="/" className="underline">Go to your dashboard</Link>.
          </>
        ) : (
          <>
            <Link href="/signin" className="underline">
              Sign in
            </Link>{" "}
            as a reviewer to open it.
          </>
        )}
      </p>
    </>
  );
}
