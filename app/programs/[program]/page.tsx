import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { LearningPath } from "@/components/content/learning-path";
import { ContentMarkdown } from "@/components/markdown/content-markdown";
import { LearnerPicker } from "@/components/progress/learner-picker";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { readableLearners } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";
import { getProgram, type Program } from "@/lib/content";
import { programPatternsRoute, programPlaybookRoute, programRoute } from "@/lib/content/links";
import { cutAroundSection } from "@/lib/content/markdown-source";
import { learnerProgress } from "@/lib/packets/queries";
import { progressSubject } from "@/lib/progress/subject";
import { DIMENSION_LABELS, DIMENSIONS } from "@/lib/content/schema";

type Params = { params: Promise<{ program: string }>; searchParams: Promise<{ learner?: string }> };

/**
 * Whose module statuses the learning path shows: the signed-in learner's own, or for a reviewer
 * the learner they chose (in this program), with the learners they can choose from.
 */
async function pathSubject(program: Program, requested: string | undefined) {
  const signedIn = await currentUser();
  if (!signedIn) return { progress: null, own: true, learners: [] };
  const learners = signedIn.asReviewer ? (await readableLearners(signedIn)).filter((l) => l.programSlug === program.slug) : [];
  const subject = await progressSubject(signedIn, requested).catch(() => null);
  const inProgram = subject?.programSlug === program.slug ? subject : null;
  return {
    progress: inProgram ? await learnerProgress({ id: inProgram.learnerId, name: inProgram.learnerName }, program) : null,
    own: inProgram?.own ?? true,
    subjectId: inProgram?.learnerId,
    learners,
  };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const program = getProgram((await params).program);
  return { title: program?.meta.title ?? "Program not found" };
}

export default async function ProgramPage({ params, searchParams }: Params) {
  const program = getProgram((await params).program);
  if (!program) notFound();
  const { meta } = program;
  const { progress, own, subjectId, learners } = await pathSubject(program, (await searchParams).learner);
  // The program's own words on its learning path go with the path itself, shown once.
  const body = cutAroundSection(program.body, "Learning path") ?? { before: program.body, content: "", after: "" };
  const metadata: [string, string][] = [
    ["Plan ID", meta.metadata.planId],
    ["Domain", meta.metadata.domain],
    ["Audience", meta.metadata.audience],
    ["Time budget", meta.metadata.timeBudget],
    ["Delivery mode", meta.metadata.deliveryMode],
    ["Owner", meta.metadata.owner],
    ["Execution mode", meta.metadata.executionMode],
  ];
  return (
    <>
      <PageHeader title={meta.title} eyebrow={meta.template ? <Badge tone="warning">Template program</Badge> : "Program"}>
        {meta.summary}
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0">
          <ContentMarkdown program={program} file={program.file} source={body.before} />
          <Section id="learning-path" title="Learning path">
            {body.content ? <ContentMarkdown program={program} file={program.file} source={body.content} /> : null}
            <div className="mt-4">
              <LearnerPicker learners={learners} selected={subjectId} action={programRoute(program.slug)} />
              <p className="mb-3 text-sm text-muted">
                {progress
                  ? `Each module's status for ${own ? "you" : progress.learnerName}.`
                  : "Sign in as a learner in this program to see each module's status."}
              </p>
              <LearningPath
                program={program}
                completed={progress?.completed ?? new Set()}
                imported={progress?.imported}
                packets={progress?.packets}
              />
            </div>
          </Section>
          {body.after ? <ContentMarkdown program={program} file={program.file} source={body.after} /> : null}
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="plan-metadata" className="card p-4">
            <h2 id="plan-metadata" className="mb-2 font-semibold">
              Plan metadata
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {metadata.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
              <dt className="text-muted">Primary tools</dt>
              <dd>{meta.metadata.primaryTools.join("; ")}</dd>
            </dl>
            <h3 className="mt-3 text-sm font-semibold">Constraints</h3>
            <ul className="list-disc pl-5 text-sm">
              {meta.metadata.constraints.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="rhythm" className="card p-4">
            <h2 id="rhythm" className="mb-2 font-semibold">
              Every module&apos;s rhythm
            </h2>
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {meta.phases.map((phase) => (
                <li key={phase.name}>
                  <strong>{phase.name}</strong> — {phase.description}
                </li>
              ))}
            </ol>
          </section>
          <p className="card p-4 text-sm">
            <Link href={programPlaybookRoute(program.slug)} className="font-medium underline">
              Playbook from the program
            </Link>
            : what each module adds to a learner&apos;s playbook, and the starter index, scenarios and checklists.
          </p>
          <p className="card p-4 text-sm">
            <Link href={programPatternsRoute(program.slug)} className="font-medium underline">
              Patterns from the program
            </Link>
            : the patterns each module asks a learner to extract from their practice.
          </p>
        </aside>
      </div>
      <Section id="end-state" title="Proficiency end-state">
        <DataTable
          label="Proficiency end-state targets"
          headers={["Dimension", "Target"]}
          rowHeaders
          rows={DIMENSIONS.map((d) => ({ key: d, cells: [DIMENSION_LABELS[d], meta.endState[d]] }))}
        />
      </Section>
      <div className="grid gap-8 md:grid-cols-2">
        <Section id="capabilities" title="Capability spine">
          <ol className="list-decimal space-y-1 pl-5">
            {meta.capabilities.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
        </Section>
        <Section id="rubric" title="Rubric and timeline">
          <p>
            Pass threshold: at least {meta.rubric.passThreshold.minEach} in every dimension and an average of at least{" "}
            {meta.rubric.passThreshold.minAverage}.
          </p>
          <p className="mt-2 text-sm text-muted">Remediation: {meta.rubric.remediationTrigger}</p>
          <p className="mt-3">
            {meta.timeline.minWeeks}–{meta.timeline.maxWeeks} weeks at {meta.timeline.modulesPerWeek.min}–{meta.timeline.modulesPerWeek.max}{" "}
            modules a week:
          </p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {meta.timeline.milestones.map((m) => (
              <li key={m.label}>
                Weeks {m.fromWeek}–{m.toWeek}: {m.label}
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </>
  );
}
