// The frame of every library and playbook server action: a signed-in person's own library,
// expected failures as form state, fresh library and playbook pages afterwards, and the page to
// go to when the work names one.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser, type SignedIn } from "@/lib/auth/session";
import { type FormState, runForm } from "@/lib/forms";
import { ownLearnerId } from "@/lib/auth/access";

type Outcome = string | { redirect: string };

export async function libraryAction(
  formData: FormData,
  work: (signedIn: SignedIn, learnerId: string) => Promise<Outcome>,
): Promise<FormState> {
  let target: string | null = null;
  const state = await runForm(formData, async () => {
    const signedIn = await requireUser();
    const outcome = await work(signedIn, ownLearnerId(signedIn));
    if (typeof outcome === "string") return outcome;
    target = outcome.redirect;
  });
  revalidatePath("/patterns", "layout");
  revalidatePath("/playbook", "layout");
  if (target) redirect(target);
  return state;
}
