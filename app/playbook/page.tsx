import path from "node:path";
import type { Metadata } from "next";
import Link from "next/link";
import { NoContent } from "@/components/content/no-content";
import { Markdown } from "@/components/markdown/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentProgram } from "@/lib/content/current";
import { moduleRoute, resolveContentHref } from "@/lib/content/links";
import { PLAYBOOK_KINDS } from "@/lib/content/schema";

export const metadata: Metadata = { title: "Playbook" };

const PARTS = [
  { key: "index", title: "Index" },
  { key: "scenarios", title: "Scenarios" },
  { key: "checklists", title: "Checklists" },
] as const;

export default async function PlaybookPage() {
  const program = await currentProgram();
  if (!program) return <NoContent />;
  const additions = program.modules.flatMap((mod) => mod.meta.playbook.map((entry) => ({ mod, entry })));
  return (
    <>
      <PageHeader title="Playbook">Your quick reference: an index, scenarios and checklists, cross-linked to your patterns.</PageHeader>
      {PARTS.map(({ key, title }) =>
        program.playbook[key] ? (
          <Section key={key} id={key} title={title}>
            <Markdown
              source={program.playbook[key]}
              resolveHref={(href) => resolveContentHref(program, path.join(program.dir, "playbook", `${key}.md`), href)}
            />
          </Section>
        ) : null,
      )}
      <Section id="additions" title="What each mod adds">
        {PLAYBOOK_KINDS.map((kind) => {
          const items = additions.filter((a) => a.entry.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind} className="mb-5">
              <h3 className="mb-2 font-semibold capitalize">{kind.replace("-", " ")}</h3>
              <ul className="grid gap-3 md:grid-cols-2">
                {items.map(({ mod, entry }) => (
                  <li key={`${mod.slug}-${entry.title}`} className="rounded-lg border border-line bg-surface p-3">
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
    </>
  );
}
