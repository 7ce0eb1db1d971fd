// Frontmatter for exported files: YAML that reads back the same under YAML 1.2 and under YAML 1.1
// (PyYAML and many static-site tools), so a string such as `yes`, `on`, `1:20` or `2026-12-03`
// is quoted rather than read back as a boolean, a number or a date.
import { Document, isScalar, parseDocument, visit } from "yaml";

/** Words some YAML 1.1 reader takes for a boolean or null, in any case; `=` and `<<` are YAML 1.1 keys of their own. */
const SPECIAL_WORDS = /^(?:y|n|yes|no|true|false|on|off|null|~|=|<<)$/i;

/** Whether `text`, written as a plain scalar, reads back as that same string under YAML 1.1 and YAML 1.2 and carries no special word. */
export function readsBackPlain(text: string): boolean {
  return !SPECIAL_WORDS.test(text) && readsBackPlainIn("1.1", text) && readsBackPlainIn("1.2", text);
}

/** Whether `text`, written as a plain scalar, is read by a `version` reader as one string scalar equal to it (an alias, say, is not). */
function readsBackPlainIn(version: "1.1" | "1.2", text: string): boolean {
  const doc = parseDocument(text, { version, logLevel: "silent" });
  return doc.errors.length === 0 && doc.warnings.length === 0 && isScalar(doc.contents) && doc.contents.value === text;
}

/** `data` as YAML (without the `---` lines); strings that would not read back plain are double-quoted. */
export function frontmatterYaml(data: Record<string, unknown>): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && !readsBackPlain(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}
