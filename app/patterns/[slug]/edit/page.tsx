import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { openLibrary } from "@/components/library/library-access";
import { PatternFields } from "@/components/library/pattern-fields";
import { ActionForm } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { getProgram } from "@/lib/content";
import { patternRoute } from "@/lib/library/links";
import { getPattern, knownCategories, patternData, patternTitles } from "@/lib/library/patterns";
import { updatePatternAction } from "../../actions";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Edit pattern" };

export default async function EditPatternPage({ params }: Props) {
  const { slug } = await params;
  const { opened, notice } = await openLibrary({
    header: <PageHeader title="Edit pattern" />,
    what: "your pattern library",
    ownOnly: "Only the learner who owns this library can edit it.",
  });
  if (!opened) return notice;
  const { owner } = opened;
  const row = await getPattern(owner.learnerId, slug);
  if (!row) notFound();
  const [categories, titles] = await Promise.all([knownCategories(owner.learnerId), patternTitles(owner.learnerId)]);
  return (
    <>
      <PageHeader title={`Edit “${row.title}”`} eyebrow={<Link href={patternRoute(slug)}>Back to the pattern</Link>}>
        Saving keeps version {row.version} in the history and makes version {row.version + 1}.
      </PageHeader>
      <ActionForm action={updatePatternAction} label="Edit pattern">
        <input type="hidden" name="originalSlug" value={row.slug} />
        <input type="hidden" name="version" value={row.version} />
        <PatternFields
          program={getProgram(owner.programSlug)}
          categories={categories}
          defaults={patternData(row)}
          titles={titles}
          submitLabel="Save a new version"
        />
      </ActionForm>
    </>
  );
}
