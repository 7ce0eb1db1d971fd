import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { CapabilitySpine, EndStateTable } from "@/components/progress/capability-tables";
import { IndicatorChecklist } from "@/components/progress/indicator-checklist";
import { LearnerPicker } from "@/components/progress/learner-picker";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { SignInPrompt } from "@/components/ui/sign-in-prompt";
import { readableLearners } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";
import { programRoute } from "@/lib/content/links";
import { learnerSnapshot } from "@/lib/progress/snapshot";
import { progressSubject } from "@/lib/progress/subject";
import { notFoundIfForbidden } from "../refusal";

export const metadata: Metadata = { title: "Progress" };

const INTRO =
  "The qualitative checklist and behavioural indicators, the capabilities the work builds and the proficiency end-state of each rubric dimension.";

export default async function ProgressPage({ searchParams }: { searchParams: Promise<{ learner?: string }> }) {
  const { learner: requested } = await searchParams;
  const signedIn = await currentUser();
  if (!signedIn) {
    return (
      <>
        <PageHeader title="Progress">{INTRO}</PageHeader>
        <SignInPrompt to="to see your progress." />
      </>
    );
  }
  const subject = await progressSubject(signedIn, requested).catch((error: unknown) => {
    throw notFoundIfForbidden(error);
  });
  const learners = signedIn.asReviewer ? await readableLearners(signedIn) : [];
  if (!subject) {
    return (
      <>
        <PageHeader title="Progress">{INTRO}</PageHeader>
        <LearnerPicker learners={learners} action="/progress" />
        <p className="card p-4 text-muted">
          No learner profile to show: {learners.length > 0 ? "choose a learner." : "there is no learner profile yet."}
        </p>
      </>
    );
  }
  const snapshot = await learnerSnapshot(subject.learnerId);
  const { program, standings } = snapshot;
  const query = subject.own ? "" : `?learner=${subject.learnerId}`;
  return (
    <>
      <PageHeader title="Progress" eyebrow={<Link href={programRoute(program.slug)}>{program.meta.title}</Link>}>
        {subject.own ? INTRO : `${subject.learnerName}'s progress, as their reviewer sees it (read-only).`}
      </PageHeader>
      <LearnerPicker learners={learners} selected={subject.learnerId} action="/progress" />
      <p className="text-sm">
        <Link href={`/${query}`} className="underline">
          Back to the dashboard
        </Link>{" "}
        for what next, the learning path, pace and time.
      </p>
      <Section id="indicators" title="Qualitative checklist and behavioural indicators">
        {subject.own ? (
          <p className="mb-3 text-sm text-muted">
            Each tick and note is saved as soon as you change it; a tick needs a note saying what shows it.
          </p>
        ) : null}
        <IndicatorChecklist states={snapshot.indicators} canEdit={subject.own} />
      </Section>
      <Section id="capabilities" title="Capability spine">
        <CapabilitySpine program={program} standings={standings} own={subject.own} />
      </Section>
      <Section id="end-state" title="Proficiency end-state">
        <EndStateTable program={program} standings={standings} />
      </Section>
    </>
  );
}
