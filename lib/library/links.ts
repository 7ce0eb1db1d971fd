// Routes of the library pages, and the wiki-link resolver the pages and the editor preview share.
// A reviewer reading someone else's library carries `?learner=` along.
import type { WikiResolver } from "../markdown/wiki-links";

export type LibraryView = { learner?: string };

function withLearner(route: string, view: LibraryView = {}, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...params, ...(view.learner ? { learner: view.learner } : {}) }).toString();
  return query === "" ? route : `${route}?${query}`;
}

export const libraryRoute = (view?: LibraryView, params?: Record<string, string>) => withLearner("/patterns", view, params);
export const patternRoute = (slug: string, view?: LibraryView) => withLearner(`/patterns/${slug}`, view);
export const patternHistoryRoute = (slug: string, view?: LibraryView) => withLearner(`/patterns/${slug}/history`, view);
export const entryHistoryRoute = (slug: string, view?: LibraryView) => withLearner(`/playbook/${slug}/history`, view);
export const playbookRoute = (view?: LibraryView, params?: Record<string, string>) => withLearner("/playbook", view, params);
export const entryRoute = (slug: string, view?: LibraryView) => withLearner(`/playbook/${slug}`, view);
export const libraryZipRoute = (view?: LibraryView) => withLearner("/patterns/export", view);
export const playbookFileRoute = (view?: LibraryView) => withLearner("/playbook/export", view);

/** Resolves `[[slug]]` to the pattern's page and title (slug → title of the learner's patterns). */
export function wikiResolver(titles: Readonly<Record<string, string>>, view?: LibraryView): WikiResolver {
  return (slug) => (Object.hasOwn(titles, slug) ? { href: patternRoute(slug, view), title: titles[slug]! } : null);
}
