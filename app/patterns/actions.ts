"use server";

import { ownLearnerId } from "@/lib/auth/access";
import { formAction, type FormState, formText } from "@/lib/forms";
import { LIBRARY } from "./library-action";
import { patternRoute } from "@/lib/library/links";
import { addCategory, createPattern, setPatternArchived, updatePattern } from "@/lib/library/patterns";
import { PATTERN_SECTIONS } from "@/lib/library/schema";

/** The form's fields as the pattern input; the one "source" choice is "module" or "module:exercise". */
function patternInput(formData: FormData) {
  const [mod = "", exercise = ""] = formText(formData, "source").split(":");
  return {
    title: formText(formData, "title"),
    slug: formText(formData, "slug"),
    category: formText(formData, "category"),
    tags: formText(formData, "tags"),
    ...Object.fromEntries(PATTERN_SECTIONS.map((s) => [s.key, formText(formData, s.key)])),
    sourceModule: mod,
    sourceExercise: exercise,
  };
}

export async function createPatternAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    const row = await createPattern(signedIn.asLearner, learnerId, patternInput(formData));
    return { redirect: `${patternRoute(row.slug)}?saved=${row.version}` };
  });
}

export async function updatePatternAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    const row = await updatePattern(signedIn.asLearner, learnerId, formText(formData, "originalSlug"), patternInput(formData), {
      expectedVersion: Number(formText(formData, "version")),
    });
    if (!row) return "Nothing changed, so no new version was saved.";
    return { redirect: `${patternRoute(row.slug)}?saved=${row.version}` };
  });
}

export async function archivePatternAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    const archived = formText(formData, "archived") === "true";
    const row = await setPatternArchived(signedIn.asLearner, learnerId, formText(formData, "slug"), archived);
    return archived ? `Archived as version ${row.version}; it no longer counts towards the target.` : `Restored as version ${row.version}.`;
  });
}

export async function addCategoryAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, LIBRARY, async (signedIn) => {
    const learnerId = ownLearnerId(signedIn);
    const slug = await addCategory(signedIn.asLearner, learnerId, { slug: formText(formData, "slug") });
    return `Added the category “${slug}”.`;
  });
}
