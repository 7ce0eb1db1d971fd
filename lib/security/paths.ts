// Rules on request paths the proxy applies before routing: a path whose percent-encoding does not
// decode is refused, and the route handlers outside /api that answer with a file or JSON (not a
// page) are known, so that they get the inert policy instead of the page policy.

/** Whether a segment of the path is not valid percent-encoded UTF-8 (e.g. %ff, %c0%ae). */
export function hasMalformedEncoding(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** Every route handler outside /api (app/**\/route.ts), as its app folder path; a unit test keeps it equal to the files. */
export const FILE_ROUTES = [
  "/evidence/[id]/file",
  "/log/download",
  "/patterns/export",
  "/patterns/import/upload",
  "/plans/[planId]/download",
  "/playbook/export",
  "/programs/[program]/files/[...path]",
  "/programs/[program]/modules/[module]/packet/evidence",
  "/report/download",
  "/settings/export/learner",
  "/settings/export/record",
] as const;

const FILE_ROUTE_PATTERNS = FILE_ROUTES.map(
  (route) => new RegExp(`^${route.replace(/\[\.\.\.[^\]]+\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+")}/?$`),
);

/** Whether a path is answered by a route handler with a download, a content file or JSON rather than a page. */
export function isFileRoute(pathname: string): boolean {
  return FILE_ROUTE_PATTERNS.some((pattern) => pattern.test(pathname));
}
