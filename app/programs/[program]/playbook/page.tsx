import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ProgramPlaybook } from "@/components/library/program-playbook";
import { PageHeader } from "@/components/ui/page-header";
import { getProgram } from "@/lib/content";
import { programRoute } from "@/lib/content/links";

type Params = { params: Promise<{ program: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const program = getProgram((await params).program);
  return { title: program ? `Playbook from ${program.meta.title}` : "Program not found" };
}

/** The program's starter playbook and what each module adds: the same for every learner, apart from their own playbook. */
export default async function ProgramPlaybookPage({ params }: Params) {
  const program = getProgram((await params).program);
  if (!program) notFound();
  return (
    <>
      <PageHeader title="Playbook from the program" eyebrow={<Link href={programRoute(program.slug)}>{program.meta.title}</Link>}>
        What the program puts into a playbook: the entries each module asks for, and the starter index, scenarios and checklists.{" "}
        <Link href="/playbook" className="underline">
          Your playbook
        </Link>{" "}
        holds your own.
      </PageHeader>
      <ProgramPlaybook program={program} />
    </>
  );
}
