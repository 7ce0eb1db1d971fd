import { Link } from "@/components/ui/link";

/** The box a page shows a signed-out visitor: a link to sign in, then what signing in is for. */
export function SignInPrompt({ to }: { to: string }) {
  return (
    <p className="card p-4">
      <Link href="/signin" className="underline">
        Sign in
      </Link>{" "}
      {to}
    </p>
  );
}
