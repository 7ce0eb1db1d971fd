// Packet steps shared by the browser specs: opening a work area of the packet page, the Add
// evidence form with a kind chosen, scoring the rubric, a completion proof as data, and
// submitting one through the form.
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

type Area = "Evidence" | "Exercises" | "Drills" | "Exit ticket" | "Proof";

/** Opens one work area of the packet page (Evidence is the one shown first while working). */
export async function openArea(page: Page, area: Area) {
  const link = page.getByRole("navigation", { name: "Work areas" }).getByRole("link", { name: new RegExp(`^${area}`) });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}

/** The packet page's Add evidence form, switched to a note, a link or a file. */
export async function evidenceForm(page: Page, kind: "Note" | "Link" | "File" = "Note"): Promise<Locator> {
  const form = page.getByRole("form", { name: "Add evidence" });
  await form.getByRole("radio", { name: kind }).check();
  return form;
}

/** Adds a note through the Add evidence form (a new version of `versionOf`, when given) and waits for it to be saved. */
export async function addNote(page: Page, title: string, body: string, versionOf?: string) {
  const form = await evidenceForm(page, "Note");
  if (versionOf) await form.getByLabel("Evidence item").selectOption({ label: `New version of “${versionOf}” (note)` });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Note (Markdown)").fill(body);
  await form.getByRole("button", { name: "Save evidence" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved "${title}" as version`);
}

/** Scores every rubric dimension at `level`, except those given a level of their own in `except`. */
export async function scoreAll(form: Locator, level: string, except: Record<string, string> = {}) {
  for (const dimension of ["Correctness", "Speed/Fluency", "Resilience", "Judgment", "Maintainability", "Collaboration Readiness"]) {
    await form
      .getByRole("group", { name: dimension })
      .getByLabel(except[dimension] ?? level)
      .check();
  }
}

/** A complete, passing completion proof whose one claim points at the given evidence items. */
export function proofFor(claimEvidence: string[], claim = "Every message of the trace is labelled by role") {
  return {
    validationStatus: "passing",
    validationDetail: "scripts/validate.sh exited 0",
    drillStatus: "passing",
    drillDetail: "role-labelling: 3 reps in 14 minutes",
    selfScores: { correctness: 4, speed: 4, resilience: 4, judgment: 4, maintainability: 4, collaboration: 4 },
    rubricSummary: "4 in every dimension",
    risks: "The hook is not on CI yet",
    followUps: "Add the hook to CI",
    claims: [{ claim, evidence: claimEvidence }],
  };
}

export async function fillProof(page: Page, evidenceTitle: string) {
  await openArea(page, "Proof");
  const form = page.getByRole("form", { name: "Submit for review" });
  await form.getByLabel("Build/validation status").selectOption("passing");
  await form.getByLabel("What was validated (command and result)").fill("scripts/validate.sh exited 0");
  await form.getByLabel("Test/drill status").selectOption("passing");
  await form.getByLabel("Which drills and tests ran, with results").fill("Role labelling drill, 3 reps in 14 minutes");
  await scoreAll(form, "4");
  await expect(form.getByText(/Total 24 of 30, average 4: passes/)).toBeVisible();
  await form.getByLabel("Rubric score summary").fill("4 in every dimension");
  await form.getByLabel("Risks").fill("The hook is not on CI yet");
  await form.getByLabel("Follow-ups").fill("Add the hook to CI");
  await form.getByRole("group", { name: "Claim 1" }).getByLabel("What you claim").fill("Every message of the trace is labelled by role");
  await form.getByRole("group", { name: "Claim 1" }).getByLabel(evidenceTitle).check();
  await form.getByRole("button", { name: "Submit for review" }).click();
}

/** Picks a verdict, submits the review and confirms it in the dialog that names what will be recorded. */
export async function submitVerdict(form: Locator, verdict: "Approve" | "Request changes") {
  await form.getByRole("radio", { name: verdict }).check();
  await form.getByRole("button", { name: "Submit review" }).click();
  await form.getByRole("dialog", { name: "Submit this review?" }).getByRole("button", { name: "Submit review" }).click();
}
