import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { NoContent } from "@/components/content/no-content";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { listPrograms } from "@/lib/content";
import { currentProgram } from "@/lib/content/current";
import { programRoute } from "@/lib/content/links";
import { pickProgram } from "./actions";
import { count } from "@/lib/ui/plural";

export const metadata: Metadata = { title: "Programs" };

export default async function ProgramsPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [programs, current, { error }] = await Promise.all([listPrograms(), currentProgram(), searchParams]);
  if (programs.length === 0) return <NoContent />;
  return (
    <>
      <PageHeader title="Programs">Pick the program you are working in. Templates are starting points for authors.</PageHeader>
      {error ? (
        <p role="alert" className="mb-4 rounded border border-danger bg-danger-soft p-3">
          That program does not exist; pick one from the list.
        </p>
      ) : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {programs.map((program) => {
          const exercises = program.modules.reduce((n, m) => n + m.exercises.length, 0);
          const isCurrent = current?.slug === program.slug;
          return (
            <li key={program.slug} className="flex flex-col card p-4">
              <h2 className="text-lg font-semibold">
                <Link href={programRoute(program.slug)} className="hover:underline">
                  {program.meta.title}
                </Link>
              </h2>
              <p className="mt-1 flex flex-wrap gap-2">
                {isCurrent ? <Badge tone="accent">Current</Badge> : null}
                {program.meta.default ? <Badge>Default</Badge> : null}
                {program.meta.template ? <Badge tone="warning">Template</Badge> : null}
              </p>
              <p className="mt-2 flex-1 text-muted">{program.meta.summary}</p>
              <p className="mt-2 text-sm text-muted">
                {count(program.modules.length, "module")} · {count(exercises, "exercise")} · {program.meta.metadata.timeBudget}
              </p>
              {isCurrent ? null : (
                <form action={pickProgram} className="mt-3">
                  <input type="hidden" name="program" value={program.slug} />
                  <SubmitButton pendingLabel="Switching…">Work in this program</SubmitButton>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
