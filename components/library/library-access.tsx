// Which library a page shows (see lib/library/access.ts), and what it says when there is none.
import Link from "next/link";
import { currentUser, type SignedIn } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
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
    if (error instanceof AppError) return { kind: "refused", message: error.message };
    throw error;
  }
}

export function LibraryUnavailable({ access, what }: { access: Exclude<LibraryAccess, { kind: "ok" }>; what: string }) {
  return (
    <p className="rounded-lg border border-line bg-surface p-4">
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

/** A reviewer's choice of whose library to read. */
export function LearnerSwitch({ learners, current, path }: { learners: { id: string; name: string }[]; current: string; path: string }) {
  if (learners.length < 2) return null;
  return (
    <form action={path} className="mb-4 flex flex-wrap items-end gap-2 print:hidden" aria-label="Choose a learner">
      <label className="text-sm">
        Library of
        <select name="learner" defaultValue={current} className="ml-2 rounded border border-line bg-surface px-2 py-1">
          {learners.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-line px-3 py-1">
        Show
      </button>
    </form>
  );
}
