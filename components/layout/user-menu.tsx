import Link from "next/link";
import { signOutAction } from "@/app/signin/actions";
import { currentUser } from "@/lib/auth/session";

export async function UserMenu() {
  const signedIn = await currentUser();
  if (!signedIn) {
    return (
      <Link href="/signin" className="rounded border border-line px-3 py-1.5 text-sm hover:bg-sunken">
        Sign in
      </Link>
    );
  }
  return (
    <form action={signOutAction} className="flex items-center gap-2 text-sm">
      <span>
        {signedIn.user.name} <span className="text-muted">({signedIn.user.role})</span>
      </span>
      <Link href="/settings" className="underline">
        Settings
      </Link>
      {signedIn.asReviewer ? (
        <Link href="/people" className="underline">
          People
        </Link>
      ) : null}
      <button type="submit" className="rounded border border-line px-3 py-1.5 hover:bg-sunken">
        Sign out
      </button>
    </form>
  );
}
