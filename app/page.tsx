import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { LearningPath } from "@/components/content/learning-path";
import { NoContent } from "@/components/content/no-content";
import { LearnerPicker } from "@/components/progress/learner-picker";
import { MetricBars } from "@/components/progress/metric-bars";
import { PacePanel } from "@/components/progress/pace-panel";
import { ProgressCharts } from "@/components/progress/progress-charts";
import { RedrillList } from "@/components/progress/redrill-list";
import { TimerPanel } from "@/components/progress/timer-panel";
import { TimeSummary } from "@/components/progress/time-summary";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { hasAnyUser } from "@/lib/auth/people";
import { currentUser, type SignedIn } from "@/lib/auth/session";
import { moduleByNumber, type Program } from "@/lib/content";
import { currentProgram } from "@/lib/content/current";
import { moduleRoute, programRoute } from "@/lib/content/links";
import { notFoundIfForbidden } from "./refusal";
import { readableLearners } from "@/lib/auth/access";
import { learnerSnapshot, type LearnerSnapshot } from "@/lib/progress/snapshot";
import { progressSubject } from "@/lib/progress/subject";

function WhatNext({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="next-step" className="rounded-lg border border-accent bg-accent-soft p-4">
      <h2 id="next-step" className="font-semibold">
        What next
      </h2>
      <div className="mt-1">{children}</div>
    </section>
  );
}

/** Where the one next action happens: the packet, or the re-drill list. */
function nextHref(snapshot: LearnerSnapshot, own: boolean): string | null {
  const { next, program } = snapshot;
  if (next.kind === "done") return null;
  if (next.kind === "redrill") return "#redrill";
  const mod = moduleByNumber(program, next.moduleNumber);
  if (!mod) return null;
  if (own) return `${moduleRoute(program.slug, mod.slug)}/packet`;
  const packet = snapshot.current.get(next.moduleNumber);
  return next.kind === "wait" && packet ? `/review/${packet.id}` : moduleRoute(program.slug, mod.slug);
}

function GenericDashboard({ program, setUp }: { program: Program; setUp: boolean }) {
  const { meta } = program;
  const first = program.modules.find((m) => m.meta.prerequisites.length === 0);
  const exercises = program.modules.reduce((n, m) => n + m.exercises.length, 0);
  const targets: [string, string][] = [
    ["Modules", `${meta.successMetrics.modules} to complete`],
    ["Exercises", `${exercises} in the program (target ${meta.successMetrics.exercises})`],
    ["Patterns", `${meta.successMetrics.patterns}+ to document`],
    ["Hours", `${meta.successMetrics.hours.min}–${meta.successMetrics.hours.max} to invest`],
    ["Playbook", meta.successMetrics.playbook ? "a personal playbook to create" : "optional"],
  ];
  return (
    <>
      {!setUp ? (
        <WhatNext>
          <Link href="/setup" className="font-medium underline">
            Set up Mastery
          </Link>
          : create the learner and the reviewer who signs off each module.
        </WhatNext>
      ) : first ? (
        <WhatNext>
          Start with{" "}
          <Link href={moduleRoute(program.slug, first.slug)} className="font-medium underline">
            Module {first.meta.number}: {first.meta.title}
          </Link>{" "}
          — it is the foundation for everything else.
        </WhatNext>
      ) : null}
      <Section id="learning-path" title="Learning path">
        <LearningPath program={program} completed={new Set()} />
      </Section>
      <Section id="targets" title="Success metrics">
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {targets.map(([label, value]) => (
            <div key={label} className="card p-3">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="mt-1 font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
    </>
  );
}

function LearnerDashboard({ snapshot, own, browsing }: { snapshot: LearnerSnapshot; own: boolean; browsing: Program | null }) {
  const { program, learner, next } = snapshot;
  const href = nextHref(snapshot, own);
  const completed = new Set(snapshot.standings.filter((s) => s.status === "completed").map((s) => s.number));
  const imported = new Set(snapshot.standings.filter((s) => s.imported).map((s) => s.number));
  const packets = snapshot.standings.map((s) => ({ moduleNumber: s.number, status: s.status }));
  const query = own ? "" : `?learner=${learner.id}`;
  return (
    <>
      {browsing && browsing.slug !== program.slug ? (
        <p className="mb-4 rounded border border-line bg-sunken p-3 text-sm">
          Showing {own ? "your" : `${learner.name}'s`} progress in {program.meta.title}; you are browsing {browsing.meta.title}.
        </p>
      ) : null}
      <WhatNext>
        <p>
          {own ? null : `${learner.name}: `}
          {href ? (
            <Link href={href} className="font-medium underline">
              {next.text}
            </Link>
          ) : (
            next.text
          )}
        </p>
        <p className="mt-2 text-sm">
          <Link href={`/report${query}`} className="underline">
            Status update report
          </Link>{" "}
          — the client&apos;s status template, filled from this data, as a page and a Markdown download.
        </p>
      </WhatNext>
      <Section id="learning-path" title="Learning path">
        <LearningPath program={program} completed={completed} imported={imported} packets={packets} />
      </Section>
      <Section id="metrics" title="Success metrics">
        <MetricBars metrics={snapshot.metrics} />
        <p className="mt-3 text-sm">
          <Link href={`/progress${query}`} className="font-medium underline">
            Progress
          </Link>
          : the qualitative checklist and behavioural indicators, the capability spine and the proficiency end-state.
        </p>
      </Section>
      <Section id="pace" title="Pace and milestones">
        <PacePanel pace={snapshot.pace} zone={snapshot.zone} />
      </Section>
      <Section id="charts" title="Progress charts">
        <ProgressCharts snapshot={snapshot} />
      </Section>
      <Section id="time" title="Time">
        <div className={own ? "grid gap-4 lg:grid-cols-2" : undefined}>
          {own ? <TimerPanel program={program} running={snapshot.time.running} now={snapshot.now} /> : null}
          <TimeSummary program={program} totals={snapshot.time.totals} timeHref={`/time${query}`} />
        </div>
      </Section>
      <Section id="redrill" title="Re-drill">
        <RedrillList program={program} items={snapshot.redrill.items} now={snapshot.now} zone={snapshot.zone} canRecord={own} />
      </Section>
    </>
  );
}

async function subjectFor(signedIn: SignedIn | null, requested: string | undefined) {
  if (!signedIn) return null;
  return progressSubject(signedIn, requested).catch((error: unknown) => {
    throw notFoundIfForbidden(error);
  });
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ learner?: string }> }) {
  const { learner: requested } = await searchParams;
  const [browsing, signedIn] = await Promise.all([currentProgram(), currentUser()]);
  const subject = await subjectFor(signedIn, requested);
  const snapshot = subject ? await learnerSnapshot(subject.learnerId) : null;
  const program = snapshot?.program ?? browsing;
  if (!program) return <NoContent />;
  const learners = signedIn?.asReviewer ? await readableLearners(signedIn) : [];
  // Someone signed in means someone is set up: count the users only for a visitor.
  const setUp = signedIn !== null || (await hasAnyUser());
  return (
    <>
      <PageHeader title="Dashboard" eyebrow={<Link href={programRoute(program.slug)}>{program.meta.title}</Link>}>
        {snapshot && subject
          ? subject.own
            ? program.meta.summary
            : `${subject.learnerName}'s progress, as their reviewer sees it.`
          : program.meta.summary}
      </PageHeader>
      <LearnerPicker learners={learners} selected={subject?.learnerId} action="/" />
      {snapshot && subject ? (
        <LearnerDashboard snapshot={snapshot} own={subject.own} browsing={browsing} />
      ) : (
        <GenericDashboard program={program} setUp={setUp} />
      )}
    </>
  );
}
