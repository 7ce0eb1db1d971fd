// `path:line` references: which words are meant as file references, and whether each is a
// well-formed repository-relative `path:line` or `path:start-end`.

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const PATH_CHARS = /^[A-Za-z0-9_.@+~/-]+$/;
const EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,9}$/;

/**
 * A URL route rather than a file: `/plans/:planId`, `/api/v1/items/{id}`, `/export?format=csv`, or an
 * absolute path whose last part has no file extension (`/health`, `/dev/null`).
 */
function looksLikeRoute(word: string): boolean {
  if (/\{[^{}]*\}|\/:[A-Za-z_]|[?=]/.test(word)) return true;
  return word.startsWith("/") && !EXTENSION.test(word.split(":")[0]!);
}

/** A word that names a file: a slash or a file extension before any colon, and not a URL or a route. */
export function looksLikePath(word: string): boolean {
  if (word === "" || URL.test(word) || /\s/.test(word) || looksLikeRoute(word)) return false;
  const beforeColon = word.split(":")[0] ?? "";
  return /[/\\]/.test(beforeColon) || EXTENSION.test(beforeColon);
}

/** A file (not a directory): its last part has an extension, so a line number can point into it. */
export const namesFile = (word: string) => EXTENSION.test(word.split(":")[0]!);

/** A code span meant as one reference: a path-like word with a colon, such as `lib/a.ts:12`, and no glob. */
export function isReferenceCandidate(span: string): boolean {
  return span.includes(":") && !/[*?[\]]/.test(span) && looksLikePath(span);
}

export type ReferenceCheck = { kind: "ok" } | { kind: "no-line" | "malformed"; problem: string };

export function checkReference(ref: string): ReferenceCheck {
  if (ref.includes("\\")) return { kind: "malformed", problem: "use forward slashes (/) in paths" };
  if (ref.startsWith("/")) return { kind: "malformed", problem: "use a repository-relative path, not an absolute one" };
  if (/(?:^|\/)\.\.?\//.test(ref)) return { kind: "malformed", problem: "write the full repository-relative path, without ./ or ../" };
  const [path = "", ...rest] = ref.split(":");
  if (!PATH_CHARS.test(path)) return { kind: "malformed", problem: "the path has characters a repository path does not use" };
  if (rest.length === 0) return { kind: "no-line", problem: "add the line number (path:line)" };
  if (rest.length > 1) return { kind: "malformed", problem: "write path:line with one colon (no column number)" };
  const line = rest[0]!;
  if (line === "") return { kind: "malformed", problem: "the line number after the colon is missing" };
  const range = /^(\d+)(?:-(\d+))?$/.exec(line);
  if (!range) return { kind: "malformed", problem: `"${line}" is not a line number; write path:line or path:start-end` };
  const start = Number(range[1]);
  const end = range[2] === undefined ? start : Number(range[2]);
  if (start < 1 || end < 1) return { kind: "malformed", problem: "lines are counted from 1" };
  if (end < start) return { kind: "malformed", problem: "the range ends before it starts" };
  return { kind: "ok" };
}
