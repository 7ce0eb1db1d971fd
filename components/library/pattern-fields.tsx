// The fields of the pattern form (new and edit), with the live preview beside them.
import { Field } from "@/components/ui/form";
import { exerciseLabel, moduleLabel, type Program } from "@/lib/content";
import { categoryLabel, PATTERN_SECTIONS, type PatternData } from "@/lib/library/schema";
import { EditorLayout } from "./editor-layout";

const MARKDOWN_HINT = "Markdown. Link a pattern with [[its-slug]].";

function sourceValue(data: Pick<PatternData, "sourceModule" | "sourceExercise">): string {
  if (data.sourceModule === null) return "";
  return data.sourceExercise ? `${data.sourceModule}:${data.sourceExercise}` : String(data.sourceModule);
}

export function PatternFields({
  program,
  categories,
  defaults,
  titles,
  submitLabel,
}: {
  program: Program | null;
  categories: string[];
  defaults: Partial<PatternData>;
  titles: Record<string, string>;
  submitLabel: string;
}) {
  return (
    <EditorLayout mode="pattern" titles={titles} submitLabel={submitLabel}>
      <Field name="title" label="Title" required defaultValue={defaults.title} />
      <Field
        name="slug"
        label="Slug"
        hint="Leave empty to make one from the title. Wiki-links name a pattern by its slug: [[slug]]."
        defaultValue={defaults.slug}
      />
      <Field name="category" label="Category" defaultValue={defaults.category ?? categories[0]}>
        {categories.map((c) => (
          <option key={c} value={c}>
            {categoryLabel(c)}
          </option>
        ))}
      </Field>
      <Field name="tags" label="Tags" hint="Separated by commas, e.g. context, reviews." defaultValue={defaults.tags?.join(", ")} />
      <Field
        name="source"
        label="Where it came from"
        defaultValue={
          defaults.sourceModule !== undefined
            ? sourceValue({ sourceModule: defaults.sourceModule, sourceExercise: defaults.sourceExercise ?? null })
            : ""
        }
      >
        <option value="">Not from a module</option>
        {program?.modules.map((mod) => (
          <optgroup key={mod.slug} label={moduleLabel(mod)}>
            <option value={String(mod.meta.number)}>{`Module ${mod.meta.number} as a whole`}</option>
            {mod.exercises.map((exercise) => (
              <option key={exercise.slug} value={`${mod.meta.number}:${exercise.slug}`}>
                {exerciseLabel(mod, exercise)}
              </option>
            ))}
          </optgroup>
        ))}
      </Field>
      {PATTERN_SECTIONS.map((s) => (
        <Field
          key={s.key}
          name={s.key}
          label={s.heading}
          hint={s.required ? MARKDOWN_HINT : `Optional. ${MARKDOWN_HINT}`}
          multiline
          rows={s.required ? 5 : 4}
          required={s.required !== null}
          defaultValue={defaults[s.key]}
        />
      ))}
    </EditorLayout>
  );
}
