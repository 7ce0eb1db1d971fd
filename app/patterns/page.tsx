import type { Metadata } from "next";
import Link from "next/link";
import { NoContent } from "@/components/content/no-content";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentProgram } from "@/lib/content/current";
import { moduleRoute } from "@/lib/content/links";
import { PATTERN_CATEGORIES } from "@/lib/content/schema";

export const metadata: Metadata = { title: "Patterns" };

export default async function PatternsPage() {
  const program = await currentProgram();
  if (!program) return <NoContent />;
  const suggested = program.modules.flatMap((mod) => mod.meta.patterns.map((pattern) => ({ mod, pattern })));
  const categories = [...new Set([...PATTERN_CATEGORIES, ...suggested.map((s) => s.pattern.category)])];
  return (
    <>
      <PageHeader title="Pattern library">
        Target: {program.meta.successMetrics.patterns}+ documented patterns, organised by category. Each mod names the patterns to
        extract in its Pattern phase.
      </PageHeader>
      {categories.map((category) => {
        const items = suggested.filter((s) => s.pattern.category === category);
        return (
          <Section key={category} id={`category-${category}`} title={`${category[0]!.toUpperCase()}${category.slice(1)}`}>
            {items.length === 0 ? (
              <p className="text-muted">No mod suggests a pattern in this category.</p>
            ) : (
              <ul className="grid gap-3 md:grid-cols-2">
                {items.map(({ mod, pattern }) => (
                  <li key={`${mod.slug}-${pattern.name}`} className="rounded-lg border border-line bg-surface p-3">
                    <strong>{pattern.name}</strong>
                    <p className="mt-1 text-sm">{pattern.summary}</p>
                    <p className="mt-1 text-xs text-muted">
                      From{" "}
                      <Link href={`${moduleRoute(program.slug, mod.slug)}#pattern-phase`} className="underline">
                        Module {mod.meta.number}: {mod.meta.title}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        );
      })}
    </>
  );
}
