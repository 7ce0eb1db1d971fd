import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { getProgram } from "@/lib/content";
import { moduleRoute, programRoute } from "@/lib/content/links";
import { libraryRoute } from "@/lib/library/links";

type Params = { params: Promise<{ program: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const program = getProgram((await params).program);
  return { title: program ? `Patterns from ${program.meta.title}` : "Program not found" };
}

/** The patterns each module suggests extracting in its Pattern phase, module by module; a learner starts one from its suggestion. */
export default async function ProgramPatternsPage({ params }: Params) {
  const program = getProgram((await params).program);
  if (!program) notFound();
  const canExtract = (await currentUser())?.learnerId !== undefined;
  return (
    <>
      <PageHeader title="Patterns from the program" eyebrow={<Link href={programRoute(program.slug)}>{program.meta.title}</Link>}>
        The patterns each module asks you to extract from your practice in its Pattern phase.{" "}
        <Link href={libraryRoute()} className="underline">
          Your pattern library
        </Link>{" "}
        holds the ones you have written.
      </PageHeader>
      {program.modules
        .filter((mod) => mod.meta.patterns.length > 0)
        .map((mod) => (
          <Section key={mod.slug} id={`module-${mod.meta.number}`} title={`Module ${mod.meta.number}: ${mod.meta.title}`}>
            <ul className="grid gap-3 md:grid-cols-2">
              {mod.meta.patterns.map((pattern, index) => (
                <li key={index} className="card p-3">
                  <strong>{pattern.name}</strong> <Badge>{pattern.category}</Badge>
                  <p className="mt-1 text-sm">{pattern.summary}</p>
                  <p className="mt-1 text-xs text-muted">
                    <Link href={`${moduleRoute(program.slug, mod.slug)}#pattern-phase`} className="underline">
                      The module&apos;s Pattern phase
                    </Link>
                    {canExtract ? (
                      <>
                        {" · "}
                        <Link
                          href={`/patterns/new?module=${mod.meta.number}&suggestion=${index}`}
                          className="underline"
                          aria-label={`Extract ${pattern.name}`}
                        >
                          Extract
                        </Link>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          </Section>
        ))}
    </>
  );
}
