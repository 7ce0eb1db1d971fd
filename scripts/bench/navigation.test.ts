import { describe, expect, it } from "vitest";
import { navigationRequest, pageRoutes, routeOf, routerState } from "./navigation";

// What Chromium sent when a learner of the cohort clicked a link of the main navigation on each page.
const SENT = {
  "/": '["",{"children":["__PAGE__",{},null,null,0]},null,null,16]',
  "/programs/codex-mastery/modules/quality":
    '["",{"children":["programs",{"children":[["program","codex-mastery","d",null],{"children":["modules",{"children":[["module","quality","d",null],{"children":["__PAGE__",{},null,null,0]},null,null,0]},null,null,0]},null,null,0]},null,null,0]},null,null,16]',
  "/programs/codex-mastery/modules/quality/packet":
    '["",{"children":["programs",{"children":[["program","codex-mastery","d",null],{"children":["modules",{"children":[["module","quality","d",null],{"children":["packet",{"children":["__PAGE__",{},null,null,0]},null,null,0]},null,null,0]},null,null,0]},null,null,0]},null,null,0]},null,null,16]',
  "/patterns": '["",{"children":["patterns",{"children":["__PAGE__",{},null,null,0]},null,null,0]},null,null,16]',
  "/search": '["",{"children":["search",{"children":["__PAGE__",{},null,null,0]},null,null,0]},null,null,16]',
  "/programs": '["",{"children":["programs",{"children":["__PAGE__",{},null,null,0]},null,null,0]},null,null,16]',
};

describe("a navigation as the browser asks for it", () => {
  const routes = pageRoutes();

  it("finds the app's pages, the dashboard and the dynamic routes included", () => {
    expect(routes).toContain("/");
    expect(routes).toContain("/programs/[program]/modules/[module]/exercises/[exercise]");
    expect(routes).not.toContain("/api/v1/[...path]");
  });

  it("prefers a static segment to a dynamic one, and refuses a path no page serves", () => {
    expect(routeOf("/programs/current", routes)).toBe("/programs/current");
    expect(routeOf("/programs/codex-mastery", routes)).toBe("/programs/[program]");
    expect(() => routeOf("/no/such/page/at/all", routes)).toThrow("no page of the app serves /no/such/page/at/all");
  });

  it("names the route the reader is on exactly as the browser does", () => {
    for (const [pathname, sent] of Object.entries(SENT)) expect(JSON.stringify(routerState(pathname, routes))).toBe(sent);
  });

  it("sends the tree of the page it leaves, without its query, and the parameter the server checks", async () => {
    // From the dashboard to the library, Chromium asked for /patterns?_rsc=2Md0sTUZcnjCijMr.
    expect(await navigationRequest("/", "/patterns", routes)).toEqual({
      path: "/patterns?_rsc=2Md0sTUZcnjCijMr",
      headers: { rsc: "1", "next-router-state-tree": encodeURIComponent(SENT["/"]), "next-url": "/" },
    });
    const fromSearch = await navigationRequest("/search?q=bisect", "/search?q=hook", routes);
    expect(fromSearch.headers["next-url"]).toBe("/search");
    expect(fromSearch.path).toMatch(/^\/search\?q=hook&_rsc=[\w-]{16}$/);
  });
});
