// A page opened from a link of the app, as the browser asks for it: Next's router fetches the
// page's payload for a client-side navigation (no HTML), naming the route the reader is on, so
// that the layouts both pages share are not rendered again, and a cache-busting parameter the
// server checks (a request without it is sent back with a 307). The cohort's load generator
// sends page opens this way, but for the share it sends as full document loads.
import { readdirSync } from "node:fs";
import path from "node:path";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param.js";

/** The app's page routes, as patterns such as `/programs/[program]/modules/[module]`. */
export function pageRoutes(appDir = "app"): string[] {
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => path.dirname(file))
    .map((dir) => (dir === "." ? "/" : `/${dir.split(path.sep).join("/")}`));
}

const segments = (pathname: string) => pathname.split("/").filter(Boolean);
const dynamicName = (segment: string) => /^\[([^.\][]+)\]$/.exec(segment)?.[1] ?? null;

/** The route of `routes` that serves `pathname`: a static segment beats a dynamic one, as in Next. */
export function routeOf(pathname: string, routes: string[]): string {
  const parts = segments(pathname);
  const matches = routes.filter((route) => {
    const pattern = segments(route);
    return pattern.length === parts.length && pattern.every((p, i) => p === parts[i] || dynamicName(p) !== null);
  });
  const staticCount = (route: string) => segments(route).filter((p) => dynamicName(p) === null).length;
  const best = matches.sort((a, b) => staticCount(b) - staticCount(a))[0];
  if (best === undefined) throw new Error(`no page of the app serves ${pathname}`);
  return best;
}

type RouterState = [string | [string, string, "d", null], { children?: RouterState }, null, null, number];

/** The router's state for the page at `pathname` (its query plays no part), as the browser sends it. */
export function routerState(pathname: string, routes: string[]): RouterState {
  const parts = segments(pathname);
  const pattern = segments(routeOf(pathname, routes));
  let state: RouterState = ["__PAGE__", {}, null, null, 0];
  for (let i = pattern.length - 1; i >= 0; i--) {
    const name = dynamicName(pattern[i]!);
    state = [name === null ? pattern[i]! : [name, parts[i]!, "d", null], { children: state }, null, null, 0];
  }
  // The root layout's segment carries the flag that marks it as the root.
  return ["", { children: state }, null, null, 16];
}

/** The address and headers of a navigation from the page at `from` to `to` (paths with their query). */
export async function navigationRequest(
  from: string,
  to: string,
  routes: string[],
): Promise<{ path: string; headers: Record<string, string> }> {
  const fromPathname = new URL(from, "http://app").pathname;
  const headers = {
    rsc: "1",
    "next-router-state-tree": encodeURIComponent(JSON.stringify(routerState(fromPathname, routes))),
    "next-url": fromPathname,
  };
  const param = await computeCacheBustingSearchParam(undefined, undefined, headers["next-router-state-tree"], headers["next-url"]);
  return { path: `${to}${to.includes("?") ? "&" : "?"}_rsc=${param}`, headers };
}
