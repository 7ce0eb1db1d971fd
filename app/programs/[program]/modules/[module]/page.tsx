import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/content/pager";
import { TableOfContents } from "@/components/content/table-of-contents";
import { ContentMarkdown } from "@/components/markdown/content-markdown";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getModule, getProgram, moduleByNumber } from "@/lib/content";
import { exerciseRoute, moduleRoute, programRoute } from "@/lib/content/links";
import { DIMENSION_LABELS } from "@/lib/content/schema";
import { tableOfContents, type TocEntry } from "@/lib/content/toc";
import { count } from "@/lib/ui/plural";

type Params = { params: Promise<{ program: string; module: string }> };

async function load(params: Params["params"]) {
  const { program: programSlug, module: moduleSlug } = await params;
  const program = getProgram(programSlug);
  const mod = program ? getModule(program, moduleSlug) : null;
  return program && mod ? { program, mod } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load(params);
  return { title: found ? `Module ${found.mod.meta.number}: ${found.mod.meta.title}` : "Module not found" };
}

const LEVEL_TONE = { easy: "success", medium: "warning", hard: "danger" } as const;

export default async function ModulePage({ params }: Params) {
  const found = await load(params);
  if (!found) notFound();
  const { program, mod } = found;
  const { meta } = mod;
  const index = program.modules.indexOf(mod);
  const previous = program.modules[index - 1];
  const next = program.modules[index + 1];
  const toc: TocEntry[] = [
    { depth: 2, text: "Outcomes", id: "outcomes" },
    ...tableOfContents(mod.body),
    { depth: 2, text: "Failure modes", id: "failure-modes" },
    { depth: 2, text: "Drills", id: "drills" },
    { depth: 2, text: "Exercises", id: "exercises" },
    { depth: 2, text: "Pattern phase", id: "pattern-phase" },
    { depth: 2, text: "Document phase", id: "document-phase" },
    { depth: 2, text: "Exit ticket", id: "exit-ticket" },
    { depth: 2, text: "Artifacts", id: "artifacts" },
  ];
  const prerequisites = meta.prerequisites.map((n) => moduleByNumber(program, n)).filter((m) => m !== null);
  return (
    <>
      <PageHeader
        title={`Module ${meta.number}: ${meta.title}`}
        eyebrow={<Link href={programRoute(program.slug)}>{program.meta.title}</Link>}
      >
        <p>
          {meta.hours.min}–{meta.hours.max} hours · {count(mod.exercises.length, "exercise")}
          {prerequisites.length > 0 ? (
            <>
              {" · after "}
              {prerequisites.map((p, i) => (
                <span key={p.slug}>
                  {i > 0 ? ", " : ""}
                  <Link href={moduleRoute(program.slug, p.slug)} className="underline">
                    Module {p.meta.number}
                  </Link>
                </span>
              ))}
            </>
          ) : (
            " · no prerequisites"
          )}
        </p>
        <p className="mt-3">
          <Link
            href={`${moduleRoute(program.slug, mod.slug)}/packet`}
            className="inline-block rounded bg-accent px-3 py-1.5 font-medium text-accent-ink"
          >
            Open the work packet
          </Link>
        </p>
        {/* Lists of the module's fixed texts are keyed by position: a text as a key would be sent twice. */}
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Topics">
          {meta.topics.map((topic, i) => (
            <li key={i}>
              <Badge>{topic}</Badge>
            </li>
          ))}
        </ul>
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <aside className="lg:order-last">
          <div className="lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto">
            <TableOfContents entries={toc} />
          </div>
        </aside>
        <article className="min-w-0">
          <Section id="outcomes" title="Outcomes">
            <ul className="list-disc space-y-1 pl-5">
              {meta.outcomes.map((o, i) => (
                <li key={i}>{o}</li>
              ))}
            </ul>
          </Section>
          <ContentMarkdown program={program} file={mod.file} source={mod.body} />
          <Section id="failure-modes" title="Failure modes">
            <DataTable
              label="Failure modes"
              headers={["Symptom", "Cause", "Fix", "Dimension"]}
              rows={meta.failureModes.map((f, i) => ({
                key: String(i),
                cells: [f.symptom, f.cause, f.fix, DIMENSION_LABELS[f.dimension]],
              }))}
            />
          </Section>
          <Section id="drills" title="Drills">
            <ol className="space-y-3">
              {meta.drills.map((drill) => (
                <li key={drill.id} id={`drill-${drill.id}`} className="card p-3">
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone={LEVEL_TONE[drill.level]}>{drill.level}</Badge>
                    <strong>{drill.title}</strong>
                    {drill.timebox ? (
                      <Badge tone="accent">
                        {drill.timebox.reps} reps in {drill.timebox.minutes} min
                      </Badge>
                    ) : null}
                  </p>
                  <p className="mt-1">{drill.prompt}</p>
                  <p className="mt-1 text-xs text-muted">Trains: {drill.dimensions.map((d) => DIMENSION_LABELS[d]).join(", ")}</p>
                </li>
              ))}
            </ol>
          </Section>
          <Section id="exercises" title="Exercises">
            <ol className="divide-y divide-line card">
              {mod.exercises.map((exercise) => (
                <li key={exercise.slug} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <Link href={exerciseRoute(program.slug, mod.slug, exercise.slug)} className="font-medium hover:underline">
                    {meta.number}.{exercise.meta.number} {exercise.meta.title}
                  </Link>
                  <span className="flex items-center gap-2 text-sm text-muted">
                    <Badge tone={LEVEL_TONE[exercise.meta.difficulty]}>{exercise.meta.difficulty}</Badge>~{exercise.meta.minutes} min
                  </span>
                </li>
              ))}
            </ol>
          </Section>
          <Section id="pattern-phase" title="Pattern phase">
            <p className="mb-2 text-muted">Patterns to extract from your practice and add to your library:</p>
            <ul className="space-y-2">
              {meta.patterns.map((p, i) => (
                <li key={p.name} className="rounded border border-line p-3">
                  <strong>{p.name}</strong> <Badge>{p.category}</Badge>
                  <p className="mt-1 text-sm">{p.summary}</p>
                  <Link
                    href={`/patterns/new?module=${meta.number}&suggestion=${i}`}
                    className="mt-1 inline-block text-sm underline"
                    aria-label={`Extract this pattern: ${p.name}`}
                  >
                    Extract this pattern
                  </Link>
                </li>
              ))}
            </ul>
            <p className="mt-3">
              <Link
                href={`/patterns/new?module=${meta.number}`}
                className="inline-block rounded bg-accent px-3 py-1.5 font-medium text-accent-ink"
              >
                Extract pattern
              </Link>
            </p>
          </Section>
          <Section id="document-phase" title="Document phase">
            <p className="mb-2 text-muted">Add to your playbook:</p>
            <ul className="space-y-2">
              {meta.playbook.map((entry) => (
                <li key={entry.title} className="rounded border border-line p-3">
                  <strong>{entry.title}</strong> <Badge>{entry.kind}</Badge>
                  <p className="mt-1 text-sm">{entry.summary}</p>
                </li>
              ))}
            </ul>
          </Section>
          <Section id="exit-ticket" title="Exit ticket">
            <ol className="list-decimal space-y-1 pl-5">
              {meta.exitTicket.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ol>
          </Section>
          <Section id="artifacts" title="Artifacts">
            <ul className="list-disc space-y-1 pl-5">
              {meta.artifacts.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          </Section>
          <Pager
            label="Modules"
            previous={
              previous
                ? { href: moduleRoute(program.slug, previous.slug), label: `Module ${previous.meta.number}: ${previous.meta.title}` }
                : null
            }
            next={next ? { href: moduleRoute(program.slug, next.slug), label: `Module ${next.meta.number}: ${next.meta.title}` } : null}
          />
        </article>
      </div>
    </>
  );
}
