import type { ReactNode } from "react";
import Link from "next/link";
import { LearningPath } from "@/components/content/learning-path";
import { NoContent } from "@/components/content/no-content";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { hasAnyUser } from "@/lib/auth/people";
import { currentUser } from "@/lib/auth/session";
import { moduleByNumber } from "@/lib/content";
import { currentProgram } from "@/lib/content/current";
import { moduleRoute, programRoute } from "@/lib/content/links";
import { progressFor } from "@/lib/packets/progress";

function WhatNext({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="next-step" className="rounded-lg border border-accent bg-accent-soft p-4">
      <h2 id="next-step" className="font-semibold">
        What next
      </h2>
      <p className="mt-1">{children}</p>
    </section>
  );
}

export default async function DashboardPage() {
  const program = await currentProgram();
  if (!program) return <NoContent />;
  const { meta } = program;
  const [setUp, signedIn] = await Promise.all([hasAnyUser(), currentUser()]);
  const progress = await progressFor(signedIn, program);
  const first = program.modules.find((m) => m.meta.prerequisites.length === 0);
  const nextModule = progress && "moduleNumber" in progress.next ? moduleByNumber(program, progress.next.moduleNumber) : null;
  const exercises = program.modules.reduce((n, m) => n + m.exercises.length, 0);
  const targets: [string, string][] = [
    [
      "Modules",
      progress ? `${progress.completed.size} of ${meta.successMetrics.modules} completed` : `${meta.successMetrics.modules} to complete`,
    ],
    ["Exercises", `${exercises} in the program (target ${meta.successMetrics.exercises})`],
    ["Patterns", `${meta.successMetrics.patterns}+ to document`],
    ["Hours", `${meta.successMetrics.hours.min}–${meta.successMetrics.hours.max} to invest`],
    ["Playbook", meta.successMetrics.playbook ? "a personal playbook to create" : "optional"],
  ];
  return (
    <>
      <PageHeader title="Dashboard" eyebrow={<Link href={programRoute(program.slug)}>{meta.title}</Link>}>
        {meta.summary}
      </PageHeader>
      {!setUp ? (
        <WhatNext>
          <Link href="/setup" className="font-medium underline">
            Set up Mastery
          </Link>
          : create the learner and the reviewer who signs off each module.
        </WhatNext>
      ) : progress ? (
        <WhatNext>
          {nextModule ? (
            <Link href={`${moduleRoute(program.slug, nextModule.slug)}/packet`} className="font-medium underline">
              {progress.next.text}
            </Link>
          ) : (
            progress.next.text
          )}
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
      <Section id="targets" title="Success metrics">
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {targets.map(([label, value]) => (
            <div key={label} className="rounded-lg border border-line bg-surface p-3">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="mt-1 font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="learning-path" title="Learning path">
        <LearningPath program={program} completed={progress?.completed ?? new Set()} />
      </Section>
    </>
  );
}
