import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { openLibrary } from "@/components/library/library-access";
import { PatternSections } from "@/components/library/pattern-sections";
import { VersionHistory } from "@/components/library/version-history";
import { PageHeader } from "@/components/ui/page-header";
import { patternRoute } from "@/lib/library/links";
import { getPattern, patternHistory } from "@/lib/library/patterns";
import { categoryLabel, PATTERN_SECTIONS } from "@/lib/library/schema";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ learner?: string }> };

export const metadata: Metadata = { title: "Pattern history" };

export default async function PatternHistoryPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { opened, notice } = await openLibrary({
    header: <PageHeader title="Pattern history" />,
    what: "this pattern",
    learner: query.learner,
  });
  if (!opened) return notice;
  const row = await getPattern(opened.owner.learnerId, slug);
  if (!row) notFound();
  const versions = await patternHistory(row.id);
  return (
    <VersionHistory
      title={row.title}
      back={{ href: patternRoute(slug, opened.view), label: "Back to the pattern" }}
      versions={versions.map((v) => ({
        version: v.version,
        createdAt: v.createdAt,
        actorKind: v.actorKind,
        actorLabel: v.actorLabel,
        fields: [
          ["Title", v.data.title],
          ["Slug", v.data.slug],
          ["Category", categoryLabel(v.data.category)],
          ["Tags", v.data.tags.join(", ")],
          [
            "Where it came from",
            v.data.sourceModule === null
              ? ""
              : `Module ${v.data.sourceModule}${v.data.sourceExercise ? `, exercise ${v.data.sourceExercise}` : ""}`,
          ],
          ["Archived", v.data.archived ? "yes" : "no"],
          ...PATTERN_SECTIONS.map((s) => [s.heading, v.data[s.key]] as [string, string]),
        ],
        content: <PatternSections data={v.data} level={3} />,
      }))}
    />
  );
}
