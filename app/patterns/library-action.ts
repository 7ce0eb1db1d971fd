// How every library and playbook server action is framed (see formAction): fresh library and
// playbook pages afterwards, and errors about a pattern's source module or exercise shown beside
// the form's one "source" choice.
import type { FormActionOptions } from "@/lib/forms";

export const LIBRARY: FormActionOptions = {
  revalidate: ["/patterns", "/playbook"],
  fields: { sourceModule: "source", sourceExercise: "source" },
};
