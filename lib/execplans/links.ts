// Routes of the plan pages.
const PLANS_ROUTE = "/plans";
export const planRoute = (planId: string, revision?: number) => `${PLANS_ROUTE}/${planId}${revision ? `?revision=${revision}` : ""}`;
export const planEditRoute = (planId: string, line?: number) => `${PLANS_ROUTE}/${planId}/edit${line ? `?line=${line}` : ""}`;
export const planRevisionsRoute = (planId: string, compare?: { from: number; to: number }) =>
  `${PLANS_ROUTE}/${planId}/revisions${compare ? `?from=${compare.from}&to=${compare.to}#diff` : ""}`;
export const planDownloadRoute = (planId: string, revision?: number) =>
  `${PLANS_ROUTE}/${planId}/download${revision ? `?revision=${revision}` : ""}`;

/** A file name for an exported plan: its title in lower case with dashes. */
export function planFileName(title: string, revision: number): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `execplan-${slug || "plan"}-r${revision}.md`;
}
