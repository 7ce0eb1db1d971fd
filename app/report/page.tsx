import type { Metadata } from "next";
import { Markdown } from "@/components/markdown/markdown";
import { LearnerPicker } from "@/components/progress/learner-picker";
import { PageHeader } from "@/components/ui/page-header";
import { SignInPrompt } from "@/components/ui/sign-in-prompt";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readableLearners, requireViewedLearner } from "@/lib/auth/access";
import { notFoundIfForbidden } from "../refusal";
import { forDisplay } from "@/lib/report/markdown";
import { statusUpdateSections } from "@/lib/report/status-update";

export const metadata: Metadata = { title: "Status update" };

const box = "card p-4";

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ learner?: string }> }) {
  const { learner: requested } = await searchParams;
  const header = (
    <PageHeader title="Status update">
      The client&apos;s status-update template, filled from the live state of one learner in their program. The same data always gives the
      same report.
    </PageHeader>
  );
  const signedIn = await currentUser();
  if (!signedIn) {
    return (
      <>
        {header}
        <SignInPrompt to="to read a status update." />
      </>
    );
  }
  const learners = signedIn.asReviewer ? await readableLearners(signedIn) : [];
  const subject = await requireViewedLearner(signedIn, requested).catch(notFoundIfForbidden);
  if (subject instanceof AppError) {
    return (
      <>
        {header}
        <LearnerPicker learners={learners} action="/report" />
        <p role={requested ? "alert" : undefined} className={box}>
          {subject.message}
        </p>
      </>
    );
  }
  const sections = await statusUpdateSections(subject.id, subject.programSlug, new Date());
  const download = `/report/download${subject.own ? "" : `?learner=${subject.id}`}`;
  return (
    <>
      {header}
      <LearnerPicker learners={learners} selected={subject.id} action="/report" />
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <a href={download} className="rounded bg-accent px-4 py-2 font-medium text-accent-ink" download>
          Download as Markdown
        </a>
        <span className="text-sm text-muted">
          {subject.name} · {subject.programSlug}
        </span>
      </p>
      <article aria-label="Status update report" className={`${box} overflow-x-auto`}>
        {/* Section by section: only the first, which says when the report was made, changes from minute to minute. */}
        {sections.map((section, i) => (
          <Markdown key={i} source={forDisplay(section)} />
        ))}
      </article>
    </>
  );
}
