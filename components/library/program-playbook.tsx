// The program's own playbook material: what each module adds to a learner's playbook, and the
// program's starter index, scenarios and checklists.
import path from "node:path";
import { Link } from "@/components/ui/link";
import { ContentMarkdown } from "@/components/markdown/content-markdown";
import { Section } from "@/components/ui/section";
import type { Program } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { PLAYBOOK_PARTS } from "@/lib/library/markdown-format";
import { KIND_LABELS, PLAYBOOK_KINDS } from "@/lib/library/schema";

const starterFile = (program: Program, part: string) => path.join(program.dir, "playbook", `${part}.md`);

export function ProgramPlaybook({ program }: { program: Program }) {
  const additions = program.modules.flatMap((mod) => mod.meta.playbook.map((entry) => ({ mod, entry })));
  const starters = PLAYBOOK_PARTS.filter((part) => program.playbook[part.name]);
  return (
    <>
      <Section id="module-additions" title="What each module adds">
        {additions.length === 0 ? <p className="text-muted">No module names an entry for the playbook.</p> : null}
        {PLAYBOOK_KINDS.map((kind) => {
          const items = additions.filter((a) => a.entry.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind} className="mb-5">
              <h3 className="mb-2 font-semibold">{KIND_LABELS[kind]}</h3>
              <ul className="grid gap-3 md:grid-cols-2">
                {items.map(({ mod, entry }) => (
                  <li key={`${mod.slug}-${entry.title}`} className="card p-3">
                    <strong>{entry.title}</strong>
                    <p className="mt-1 text-sm">{entry.summary}</p>
                    <p className="mt-1 text-xs text-muted">
                      <Link href={`${moduleRoute(program.slug, mod.slug)}#document-phase`} className="underline">
                        Module {mod.meta.number}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </Section>
      {starters.map((part) => (
        <Section key={part.name} id={`starter-${part.name}`} title={`Starter ${part.title.toLowerCase()}`}>
          <ContentMarkdown program={program} file={starterFile(program, part.name)} source={program.playbook[part.name]!} />
        </Section>
      ))}
    </>
  );
}
