// Frontmatter strings read back the same under YAML 1.2 and YAML 1.1: a table of the strings a
// YAML 1.1 reader (PyYAML, static-site tools) would take for something else, and of plain ones.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { frontmatterYaml, readsBackPlain } from "./frontmatter-yaml";

/** [string, why a YAML 1.1 reader would not read it back as that string] */
const QUOTED: [string, string][] = [
  ...["yes", "Yes", "YES", "yEs", "no", "NO", "nO", "y", "Y", "n", "N", "on", "On", "ON", "oN", "off", "Off", "OFF"].map(
    (word): [string, string] => [word, "a YAML 1.1 boolean (any case)"],
  ),
  ...["true", "True", "tRuE", "false", "FALSE"].map((word): [string, string] => [word, "a boolean"]),
  ...["null", "Null", "NULL", "nUlL", "~", ""].map((word): [string, string] => [word, "null"]),
  ["123", "an integer"],
  ["-7", "a signed integer"],
  ["+1", "a signed integer"],
  ["0755", "a YAML 1.1 octal"],
  ["0o17", "a YAML 1.2 octal"],
  ["0x1F", "a hexadecimal"],
  ["0b101", "a YAML 1.1 binary"],
  ["1_000", "a YAML 1.1 integer with underscores"],
  ["1:20", "a YAML 1.1 sexagesimal integer"],
  ["190:20:30.15", "a YAML 1.1 sexagesimal float"],
  ["1.0", "a float"],
  [".5", "a float"],
  ["1e3", "a float"],
  [".inf", "infinity"],
  ["-.INF", "negative infinity"],
  [".NaN", "not a number"],
  ["2026-12-03", "a date"],
  ["2001-12-14t21:59:43.10-05:00", "a timestamp"],
  ["=", "the YAML 1.1 value key"],
  ["<<", "the YAML 1.1 merge key"],
  ["- x", "a sequence"],
  ["[a", "a flow sequence"],
  ["{x}", "a flow mapping"],
  ["a: b", "a mapping"],
  ["? x", "a complex key"],
  ["a #b", "a comment"],
  [" a", "leading space"],
  ["a ", "trailing space"],
  ["@x", "reserved indicator"],
  ["`x", "reserved indicator"],
  ["%x", "a directive"],
  ["!x", "a tag"],
  ["&a", "an anchor"],
  ["*a", "an alias"],
  ["|", "a literal block"],
  ["> x", "a folded block"],
  ["'q'", "a quoted string"],
  ['"q"', "a quoted string"],
  ["#tag", "a comment"],
];

const PLAIN = [
  "plain",
  "Batch independent reads",
  "speed",
  "ops-notes",
  "débogage",
  "日本",
  "ci-cd",
  "x",
  "yess",
  "nope",
  "one two",
  "a-b:c",
  "v1.2.3",
  "10 minutes",
];

describe("frontmatter that YAML 1.1 reads back", () => {
  it.each(QUOTED)("quotes %j (%s)", (text) => {
    expect(readsBackPlain(text)).toBe(false);
    const yaml = frontmatterYaml({ value: text });
    expect(yaml).toMatch(/^value: ["']/);
    expect(parse(yaml)).toEqual({ value: text });
    expect(parse(yaml, { version: "1.1" })).toEqual({ value: text });
  });

  it.each(PLAIN)("leaves %j plain", (text) => {
    expect(readsBackPlain(text)).toBe(true);
    expect(frontmatterYaml({ value: text })).toBe(`value: ${text}\n`);
    expect(parse(`value: ${text}`, { version: "1.1" })).toEqual({ value: text });
  });

  it("quotes inside lists and nested maps too, and leaves numbers and booleans as they are", () => {
    expect(frontmatterYaml({ tags: ["on", "x"], source: { module: 3, exercise: "no" }, archived: true })).toBe(
      'tags:\n  - "on"\n  - x\nsource:\n  module: 3\n  exercise: "no"\narchived: true\n',
    );
  });
});
