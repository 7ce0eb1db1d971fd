import { Link } from "@/components/ui/link";
import { signOutAction } from "@/app/signin/actions";
import { currentUser } from "@/lib/auth/session";
import { Disclosure } from "./disclosure";

const ITEM = "block w-full whitespace-nowrap rounded px-3 py-2 text-left hover:bg-sunken";

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

/** The signed-in person's menu (their name on the button): Settings, People for a reviewer, Sign out. */
export async function UserMenu() {
  const signedIn = await currentUser();
  if (!signedIn) {
    return (
      <Link href="/signin" className="whitespace-nowrap rounded border border-line px-3 py-1.5 text-sm hover:bg-sunken">
        Sign in
      </Link>
    );
  }
  const { name, role } = signedIn.user;
  return (
    <Disclosure
      summaryClassName="rounded border border-line px-2 py-1.5 text-sm hover:bg-sunken sm:px-3"
      panelClassName="right-0 w-56 text-sm"
      summary={
        <>
          <span aria-hidden="true" className="grid h-5 w-6 place-items-center text-xs font-semibold sm:hidden">
            {initials(name)}
          </span>
          <span className="sr-only sm:not-sr-only sm:max-w-32 sm:truncate">{name}</span>
          <span className="sr-only"> ({role})</span>
        </>
      }
    >
      <p className="border-b border-line px-3 py-2">
        <span className="block font-medium [overflow-wrap:anywhere]">{name}</span>
        <span className="block text-muted">Signed in as a {role}</span>
      </p>
      <ul className="py-1">
        <li>
          <Link href="/settings" className={ITEM}>
            Settings
          </Link>
        </li>
        {signedIn.asReviewer ? (
          <li>
            <Link href="/people" className={ITEM}>
              People
            </Link>
          </li>
        ) : null}
        <li>
          <form action={signOutAction}>
            <button type="submit" className={ITEM}>
              Sign out
            </button>
          </form>
        </li>
      </ul>
    </Disclosure>
  );
}
