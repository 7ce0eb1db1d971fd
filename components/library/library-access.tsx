// Which library a page shows (see lib/library/access.ts), and what it says when there is none.
import { Link } from "@/components/ui/link";
import type { ReactElement } from "react";
import { notFoundIfForbidden } from "@/app/refusal";
import { currentUser, type SignedIn } from "@/lib/auth/session";
import { type LibraryOwner, libraryFor } from "@/lib/library/access";
import type { LibraryView } from "@/lib/library/links";

export type LibraryAccess =
  | { kind: "ok"; signedIn: SignedIn; owner: LibraryOwner; view: LibraryView }
  | { kind: "signed-out" }
  | { kind: "refused"; message: string };

export async function resolveLibrary(requested?: string): Promise<LibraryAccess> {
  const signedIn = await currentUser();
  if (!signedIn) return { kind: "signed-out" };
  try {
    const owner = await libraryFor(signedIn, requested);
    return { kind: "ok", signedIn, owner, view: owner.canEdit ? {} : { learner: owner.learnerId } };
  } catch (error) {
    return { kind: "refused", message: notFoundIfForbidden(error).message };
  }
}

export function LibraryUnavailable({ access, what }: { access: Exclude<LibraryAccess, { kind: "ok" }>; what: string }) {
  return (
    <p className="card p-4">
      {access.kind === "signed-out" ? (
        <>
          <Link href="/signin" className="underline">
            Sign in
          </Link>{" "}
          to see {what}.
        </>
      ) : (
        access.message
      )}
    </p>
  );
}

type Opened = Extract<LibraryAccess, { kind: "ok" }>;

/**
 * The library a page works on, or what to show instead: the page's header and why there is
 * nothing (signed out, refused, or, with `ownOnly`, not the viewer's own library).
 */
export async function openLibrary(options: {
  header: ReactElement;
  what: string;
  learner?: string;
  ownOnly?: string;
}): Promise<{ opened: Opened; notice?: never } | { opened?: never; notice: ReactElement }> {
  const access = await resolveLibrary(options.learner);
  if (access.kind === "ok" && (access.owner.canEdit || !options.ownOnly)) return { opened: access };
  const shown = access.kind === "ok" ? { kind: "refused" as const, message: options.ownOnly! } : access;
  return {
    notice: (
      <>
        {options.header}
        <LibraryUnavailable access={shown} what={options.what} />
      </>
    ),
  };
}
