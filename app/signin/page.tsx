import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { hasAnyUser } from "@/lib/auth/people";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (!(await hasAnyUser())) redirect("/setup");
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Sign in" />
      <ActionForm action={signInAction} label="Sign in">
        <Field name="name" label="Name" required autoComplete="username" />
        <Field name="passphrase" label="Passphrase" type="password" required autoComplete="current-password" />
        <SubmitButton>Sign in</SubmitButton>
      </ActionForm>
    </div>
  );
}
