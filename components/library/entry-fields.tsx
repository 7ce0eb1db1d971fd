// The fields of the playbook entry form (new and edit), with the live preview beside them.
import { Field } from "@/components/ui/form";
import { KIND_LABELS, PLAYBOOK_KINDS, type PlaybookEntryData } from "@/lib/library/schema";
import { EditorLayout } from "./editor-layout";

const KIND_HELP = [
  "Quick reference: a table or short list you look up in daily work.",
  "Scenario: “When …” — what to do, what to check, and the pattern behind it.",
  "Checklist: items written as “- [ ] item”; you tick them on the entry’s page (ticks are saved; the text stays as written).",
  "Decision tree: a nested list — a question, its answers indented below it (“- yes: act”), deeper questions below those; the leaves are the actions.",
].join(" ");

export function EntryFields({
  defaults,
  titles,
  submitLabel,
}: {
  defaults: Partial<PlaybookEntryData>;
  titles: Record<string, string>;
  submitLabel: string;
}) {
  return (
    <EditorLayout mode="entry" titles={titles} submitLabel={submitLabel}>
      <Field name="title" label="Title" required defaultValue={defaults.title} />
      <Field name="slug" label="Slug" hint="Leave empty to make one from the title." defaultValue={defaults.slug} />
      <Field name="kind" label="Kind" hint={KIND_HELP} defaultValue={defaults.kind ?? "scenario"}>
        {PLAYBOOK_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </Field>
      <Field
        name="body"
        label="Text (Markdown)"
        hint="Link a pattern with [[its-slug]]."
        multiline
        rows={14}
        required
        defaultValue={defaults.body}
      />
    </EditorLayout>
  );
}
