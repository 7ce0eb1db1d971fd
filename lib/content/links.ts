// Maps links and image sources inside content Markdown to app routes, so relative links
// between content files work in the app as they do on a file browser.
import path from "node:path";
import type { Program } from "./loader";

export const programRoute = (program: string) => `/programs/${program}`;
export const programPlaybookRoute = (program: string) => `/programs/${program}/playbook`;
export const programPatternsRoute = (program: string) => `/programs/${program}/patterns`;
export const moduleRoute = (program: string, module: string) => `${programRoute(program)}/modules/${module}`;
export const exerciseRoute = (program: string, module: string, exercise: string) =>
  `${moduleRoute(program, module)}/exercises/${exercise}`;
export const packetRoute = (program: string, module: string) => `${moduleRoute(program, module)}/packet`;
const contentFileRoute = (program: string, relative: string) =>
  `${programRoute(program)}/files/${relative.split(path.sep).map(encodeURIComponent).join("/")}`;

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Resolves `href` written in `fromFile` (absolute path inside the program folder). Returns the
 * app route for content files, a file route for other relative files, the href unchanged for
 * absolute URLs and anchors, and null for a path that leaves the program folder.
 */
export function resolveContentHref(program: Pick<Program, "slug" | "dir">, fromFile: string, href: string): string | null {
  if (href === "" || href.startsWith("#") || EXTERNAL.test(href) || href.startsWith("/")) return href;
  const [target = "", hash] = href.split("#", 2);
  const anchor = hash ? `#${hash}` : "";
  const absolute = path.resolve(path.dirname(fromFile), decodeURIComponent(target));
  const relative = path.relative(program.dir, absolute);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  const strip = (name: string) => name.replace(/^\d{2}-/, "").replace(/\.md$/, "");
  if (parts.length === 1 && parts[0] === "program.md") return programRoute(program.slug) + anchor;
  if (parts[0] === "modules" && parts.length === 2 && parts[1]!.endsWith(".md")) {
    return moduleRoute(program.slug, strip(parts[1]!)) + anchor;
  }
  if (parts[0] === "exercises" && parts.length === 3 && parts[2]!.endsWith(".md")) {
    return exerciseRoute(program.slug, strip(parts[1]!), strip(parts[2]!)) + anchor;
  }
  if (parts[0] === "exercises" && parts.length === 2) return moduleRoute(program.slug, strip(parts[1]!)) + "#exercises";
  return contentFileRoute(program.slug, relative);
}
