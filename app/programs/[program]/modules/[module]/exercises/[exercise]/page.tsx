import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Hints } from "@/components/content/hints";
import { Pager } from "@/components/content/pager";
import { Reveal } from "@/components/content/reveal";
import { ContentMarkdown } from "@/components/markdown/content-markdown";
import { TimerPanel } from "@/components/progress/timer-panel";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { exerciseLabel, getExercise, getModule, getProgram } from "@/lib/content";
import { exerciseRoute, moduleRoute, packetRoute, programRoute } from "@/lib/content/links";
import { Moment } from "@/components/ui/moment";
import { exerciseResult } from "@/lib/packets/queries";
import { DIMENSION_LABELS } from "@/lib/content/schema";
import { ownLearnerIn } from "@/lib/progress/subject";
import { runningTimerOf } from "@/lib/time/service";
import { count } from "@/lib/ui/plural";

type Params = { params: Promise<{ program: string; module: string; exercise: string }> };

async function load(params: Params["params"]) {
  const slugs = await params;
  const program = getProgram(slugs.program);
  const mod = program ? getModule(program, slugs.module) : null;
  const exercise = mod ? getExercise(mod, slugs.exercise) : null;
  return program && mod && exercise ? { program, mod, exercise } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load(params);
  return {
    title: found ? exerciseLabel(found.mod, found.exercise) : "Exercise not found",
  };
}

export default async function ExercisePage({ params }: Params) {
  const found = await load(params);
  if (!found) notFound();
  const { program, mod, exercise } = found;
  const { meta, parts } = exercise;
  const render = (source: string) => <ContentMarkdown program={program} file={exercise.file} source={source} />;
  const index = mod.exercises.indexOf(exercise);
  const previous = mod.exercises[index - 1];
  const next = mod.exercises[index + 1];
  const label = (e: typeof exercise) => `${mod.meta.number}.${e.meta.number} ${e.meta.title}`;
  const learnerId = await ownLearnerIn(program.slug);
  const recorded = learnerId ? await exerciseResult(learnerId, mod.meta.number, exercise.slug) : null;
  return (
    <>
      <PageHeader
        title={exerciseLabel(mod, exercise)}
        eyebrow={
          <>
            <Link href={programRoute(program.slug)}>{program.meta.title}</Link> ›{" "}
            <Link href={moduleRoute(program.slug, mod.slug)}>
              Module {mod.meta.number}: {mod.meta.title}
            </Link>
          </>
        }
      >
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={meta.difficulty === "easy" ? "success" : meta.difficulty === "medium" ? "warning" : "danger"}>
            {meta.difficulty}
          </Badge>
          <span>about {count(meta.minutes, "minute")}</span>
          {meta.dimensions.length > 0 ? <span>· trains {meta.dimensions.map((d) => DIMENSION_LABELS[d]).join(", ")}</span> : null}
        </p>
      </PageHeader>
      <article className="mx-auto max-w-3xl">
        {learnerId ? (
          <TimerPanel
            program={program}
            running={await runningTimerOf(learnerId)}
            target={{ value: `${mod.meta.number}:${exercise.slug}`, label: "this exercise" }}
            now={new Date()}
          />
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          <Section id="objectives" title="Objectives">
            <ul className="list-disc space-y-1 pl-5">
              {meta.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </Section>
          <Section id="success-criteria" title="Success criteria">
            <ul className="list-disc space-y-1 pl-5">
              {meta.successCriteria.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </Section>
        </div>
        <Section id="context" title="Context">
          {render(parts.context)}
        </Section>
        <Section id="steps" title="Steps">
          {render(parts.steps)}
        </Section>
        <Section id="hints" title="Hints">
          <Hints hints={parts.hints.map((hint) => render(hint))} />
        </Section>
        <Section id="solution" title="Solution discussion">
          <Reveal
            label="Show the solution discussion"
            warning="Try the exercise first: the discussion is most useful after your own attempt."
          >
            {render(parts.solution)}
          </Reveal>
        </Section>
        <Section id="reflection" title="Reflection questions">
          {render(parts.reflection)}
        </Section>
        {recorded ? (
          <section aria-label="Your result" className="mt-8 flex flex-wrap items-center gap-3 card p-4">
            <p className="grow">
              {recorded.result ? (
                <>
                  <span aria-hidden="true" className="font-bold text-success">
                    ✓{" "}
                  </span>
                  Result recorded in the packet (v{recorded.result.version}, <Moment at={recorded.result.createdAt} />
                  ).
                </>
              ) : (
                <>
                  <span aria-hidden="true" className="font-bold text-danger">
                    ✗{" "}
                  </span>
                  {recorded.packet ? "No result recorded yet." : "No result recorded yet: start the module's packet first."}
                </>
              )}
            </p>
            <Link
              href={`${packetRoute(program.slug, mod.slug)}${recorded.packet ? `?area=exercises&exercise=${exercise.slug}#work` : ""}`}
              className="rounded bg-accent px-3 py-1.5 font-medium text-accent-ink"
            >
              {recorded.result ? "Record a new result in the packet →" : "Record your result in the packet →"}
            </Link>
          </section>
        ) : null}
        <Pager
          label="Exercises"
          previous={previous ? { href: exerciseRoute(program.slug, mod.slug, previous.slug), label: label(previous) } : null}
          next={next ? { href: exerciseRoute(program.slug, mod.slug, next.slug), label: label(next) } : null}
        />
      </article>
    </>
  );
}
