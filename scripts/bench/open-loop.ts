// The cohort benchmark's load generator, run as its own process: `tsx scripts/bench/open-loop.ts
// PLAN.json` plays a cohort's traffic open-loop (requests arrive at the workload's rates, as
// independent random arrivals, and never wait for each other) against one or more app instances,
// sending each request to the next instance in turn, and prints one JSON result on stdout.
//
// The workload (per active learner unless said): a page every 20 s (dashboard, module, exercise,
// packet, library, search), opened from a link of the page in hand as the browser does it (a
// navigation: the page's payload, without HTML; scripts/bench/navigation.ts) but for a share sent
// as full document loads (a new tab, a reload, a bookmark); a write every 2 minutes (a new version
// of a note, a drill attempt, a pattern saved), posted as a browser without JavaScript posts the
// page's form; per reviewer (one per ten learners) a review page every 30 s (opened as a learner's
// pages are) and a verdict every 5 minutes (the review page, then its verdict form); per agent
// (one per ten learners) an API call every 15 s, one in four a write.
import { readFileSync } from "node:fs";
import { prng } from "../../lib/library/sample-library";
import { navigationRequest } from "./navigation";
import { percentile } from "./server";
import type { Cohort } from "./cohort-seed";

export const RATES = {
  learnerPageEverySeconds: 20,
  learnerWriteEverySeconds: 120,
  reviewPageEverySeconds: 30,
  verdictEverySeconds: 300,
  agentCallEverySeconds: 15,
};

export type OpenLoopPlan = {
  bases: string[];
  cohort: Cohort;
  /** The first `learners` of the cohort are active, with their reviewers and agents. */
  learners: number;
  warmupSeconds: number;
  windowSeconds: number;
  seed: number;
  /** The pages of module 4 (in progress for most learners) and words to search for. */
  paths: { module: string; exercises: string[]; packet: string; moduleNumber: number; drillIds: string[] };
  searches: string[];
  /** The app's page routes, which navigations name (scripts/bench/navigation.ts). */
  routes: string[];
  /** The share of page opens sent as full document loads; the others are navigations from the page in hand. */
  fullLoadShare: number;
  /** Queued packets given a verdict by earlier runs: not judged again. */
  decided: string[];
};

type Latencies = { count: number; p50: number; p95: number; p99: number; max: number };
export type OpenLoopResult = {
  learners: number;
  reviewers: number;
  agents: number;
  offeredPerSecond: number;
  pages: Latencies;
  writes: Latencies;
  api: Latencies;
  byName: Record<string, Latencies>;
  errors: number;
  errorSamples: string[];
  /** How late the generator sent its latest-sent request: above a few ms, the machine could not keep up with the plan. */
  maxSendLagMs: number;
  /** The queued packets this run gave a verdict (warm-up included). */
  decided: string[];
  /** How long priming took (s), and when the warm-up began after it (ms since the epoch). */
  primingSeconds: number;
  loadStartedAt: number;
};

/** How many priming requests are in flight at once. */
const PRIMING_CONCURRENCY = 4;

type Kind = "page" | "write" | "api";
type Sample = { name: string; kind: Kind; ms: number; counted: boolean };

/** The hidden fields and checkbox values of the page's form whose `aria-label` is `label`, as a browser would send them. */
export function readForm(html: string, label: string): { hidden: [string, string][]; checkboxes: Record<string, string[]> } {
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`aria-label="${label}"`));
  if (!form) throw new Error(`the page has no form “${label}”`);
  const attribute = (tag: string, name: string) => decodeEntities(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "");
  const hidden: [string, string][] = [];
  const checkboxes: Record<string, string[]> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const type = attribute(tag, "type");
    const name = attribute(tag, "name");
    if (!name) continue;
    if (type === "hidden") hidden.push([name, attribute(tag, "value")]);
    if (type === "checkbox") (checkboxes[name] ??= []).push(attribute(tag, "value"));
  }
  return { hidden, checkboxes };
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** The arrival times (s) of a Poisson process of `perSecond` over `seconds`, from a seeded generator. */
export function arrivals(perSecond: number, seconds: number, random: () => number): number[] {
  const times: number[] = [];
  if (perSecond <= 0) return times;
  for (let t = -Math.log(1 - random()) / perSecond; t < seconds; t += -Math.log(1 - random()) / perSecond) times.push(t);
  return times;
}

export function latencies(values: number[]): Latencies {
  if (values.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
  };
}

async function runOpenLoop(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  // Seeded: the same plan sends the same requests.
  const { next: random, pick } = prng(plan.seed);
  const learners = plan.cohort.learners.slice(0, plan.learners);
  const reviewers = plan.cohort.reviewers.slice(0, Math.ceil(plan.learners / 10));
  const agents = learners.filter((l) => l.token !== null);
  const working = learners.filter((l) => l.module4 === "in_progress");
  const queued = learners.filter((l) => l.module4 === "review_required");
  let nextBase = 0;
  const base = () => plan.bases[nextBase++ % plan.bases.length]!;
  const seconds = plan.warmupSeconds + plan.windowSeconds;
  const samples: Sample[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let counter = 0;

  // The forms' hidden fields (the action's reference, the form's key) are the same for every
  // learner but the packet: read once from the first learner's pages, as a browser read them with the page.
  const read = async (path: string, cookie: string) => {
    const response = await fetch(base() + path, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path} answered ${response.status} while the forms were read`);
    return response.text();
  };
  const packetHtml = await read(plan.paths.packet, working[0]!.cookie);
  const forms = {
    evidence: readForm(packetHtml, "Add evidence").hidden,
    drill: readForm(await read(`${plan.paths.packet}?area=drills`, working[0]!.cookie), "Record a drill").hidden,
    pattern: readForm(await read("/patterns/new", learners[0]!.cookie), "New pattern").hidden,
  };

  async function send(name: string, kind: Kind, counted: boolean, request: () => Promise<Response>, ok: (status: number) => boolean) {
    const started = performance.now();
    try {
      const response = await request();
      await response.arrayBuffer();
      const ms = performance.now() - started;
      if (!ok(response.status)) throw new Error(`answered ${response.status}`);
      samples.push({ name, kind, ms, counted });
    } catch (error) {
      if (!counted) return;
      errors++;
      if (errorSamples.length < 10) errorSamples.push(`${name}: ${(error as Error).message}`);
    }
  }
  const page = (name: string, path: string, cookie: string, counted: boolean) =>
    send(
      name,
      "page",
      counted,
      () => fetch(base() + path, { headers: { cookie }, redirect: "manual" }),
      (s) => s === 200,
    );
  // The page each person has in hand, which a navigation leaves.
  const inHand = new Map<string, string>();
  const pathname = (path: string) => path.split("?")[0];
  /** Opens `path` for the person of `cookie`, who has `from` in hand: a full load, or a navigation from it. */
  const open = async (name: string, path: string, cookie: string, from: string, fullLoad: boolean, counted: boolean) => {
    inHand.set(cookie, path);
    if (fullLoad) return page(`${name} (full load)`, path, cookie, counted);
    const to = base();
    const navigation = await navigationRequest(from, path, plan.routes);
    return send(
      `${name} (navigation)`,
      "page",
      counted,
      () => fetch(to + navigation.path, { headers: { ...navigation.headers, cookie }, redirect: "manual" }),
      (s) => s === 200,
    );
  };
  const post = (name: string, path: string, cookie: string, fields: [string, string][], counted: boolean) => {
    const to = base();
    const body = new FormData();
    for (const [key, value] of fields) body.append(key, value);
    // A form's action answers with the page (200) or sends the browser on (303).
    return send(
      name,
      "write",
      counted,
      () => fetch(to + path, { method: "POST", headers: { cookie, origin: to }, body, redirect: "manual" }),
      (s) => s === 200 || s === 303,
    );
  };
  const withPacket = (fields: [string, string][], packetId: string): [string, string][] =>
    fields.map(([k, v]) => [k, k === "packetId" ? packetId : v]);

  const learnerPages = () =>
    [
      ["dashboard", "/"],
      ["module", plan.paths.module],
      ["exercise", pick(plan.paths.exercises)],
      ["packet", plan.paths.packet],
      ["library", "/patterns"],
      ["search", `/search?q=${encodeURIComponent(pick(plan.searches))}`],
    ] as const;
  const learnerPage = (counted: boolean) => {
    const learner = pick(learners);
    const fullLoad = random() < plan.fullLoadShare;
    // A learner starts on any page of the mix, so that each is as likely as another from the first
    // open on. A link leads to another page; a full load may be a reload of the page in hand.
    const from = inHand.get(learner.cookie) ?? pick(learnerPages())[1];
    const [name, path] = pick(learnerPages().filter(([, to]) => fullLoad || pathname(to) !== pathname(from)));
    return open(name, path, learner.cookie, from, fullLoad, counted);
  };
  const learnerWrite = (counted: boolean) => {
    const n = ++counter;
    const choice = random();
    if (choice < 2 / 3 && working.length > 0) {
      const learner = pick(working);
      if (choice < 1 / 3)
        return post(
          "write: note version",
          plan.paths.packet,
          learner.cookie,
          [
            ...withPacket(forms.evidence, learner.packetId),
            ["kind", "note"],
            ["itemKey", `note-notes-${n % 3}`],
            ["title", "Notes"],
            ["body", `Finding ${n}\n- what changed`],
          ],
          counted,
        );
      return post(
        "write: drill attempt",
        `${plan.paths.packet}?area=drills`,
        learner.cookie,
        [
          ...withPacket(forms.drill, learner.packetId),
          ["kind", "drill"],
          ["drillId", pick(plan.paths.drillIds)],
          ["reps", "3"],
          ["seconds", String(600 + (n % 600))],
          ["passed", "on"],
          ["title", "Drill attempt"],
        ],
        counted,
      );
    }
    const learner = pick(learners);
    return post(
      "write: pattern saved",
      "/patterns/new",
      learner.cookie,
      [
        ...forms.pattern,
        ["title", `Cohort pattern ${n}`],
        ["slug", `cohort-pattern-${plan.seed}-${n}`],
        ["category", "speed"],
        ["tags", "cohort, bench"],
        ["problem", "A problem seen in the cohort."],
        ["whenToUse", "When it comes up."],
        ["howToApply", "1. Notice it.\n2. Apply the fix."],
      ],
      counted,
    );
  };
  const reviewPage = async (counted: boolean) => {
    if (queued.length === 0) return;
    const reviewer = pick(reviewers);
    // A reviewer who has not opened a packet yet is on the review queue.
    const from = inHand.get(reviewer.cookie) ?? "/review";
    return open("review page", `/review/${pick(queued).packetId}`, reviewer.cookie, from, random() < plan.fullLoadShare, counted);
  };
  const undecided = queued.filter((l) => !plan.decided.includes(l.packetId));
  const decided: string[] = [];
  const verdict = async (counted: boolean) => {
    const packet = undecided.shift();
    if (!packet) return;
    decided.push(packet.packetId);
    const reviewer = pick(reviewers);
    const path = `/review/${packet.packetId}`;
    // The reviewer opens the review page (a full load, whose form this reads), then sends its verdict form.
    inHand.set(reviewer.cookie, path);
    let html = "";
    const to = base();
    await send(
      "review page (full load)",
      "page",
      counted,
      async () => {
        const response = await fetch(to + path, { headers: { cookie: reviewer.cookie } });
        html = await response.clone().text();
        return response;
      },
      (s) => s === 200,
    );
    if (!html.includes('aria-label="Verdict"')) {
      if (html && counted) {
        errors++;
        if (errorSamples.length < 10) errorSamples.push(`${path}: no verdict form`);
      }
      return;
    }
    const form = readForm(html, "Verdict");
    const accept = packet.packetId.charCodeAt(packet.packetId.length - 1) % 2 === 0;
    await post(
      "write: verdict",
      path,
      reviewer.cookie,
      [
        ...form.hidden,
        ...(form.checkboxes.evidenceSeen ?? []).map((id): [string, string] => ["evidenceSeen", id]),
        ...["correctness", "speed", "resilience", "judgment", "maintainability", "collaboration"].map((d): [string, string] => [
          `score-${d}`,
          accept ? "4" : "2",
        ]),
        ["feedback", accept ? "" : "Show the failing case before the fix."],
        ["verdict", accept ? "accept" : "reject"],
        ["confirmed", "yes"],
      ],
      counted,
    );
  };
  const agentCall = (counted: boolean) => {
    const agent = pick(agents);
    const headers = { authorization: `Bearer ${agent.token}` };
    const to = base();
    if (random() < 0.25)
      return send(
        "API: add evidence",
        "api",
        counted,
        () =>
          fetch(`${to}/api/v1/modules/${plan.paths.moduleNumber}/evidence`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify({ kind: "note", title: "Agent run", body: `Checks passed (${++counter}).` }),
          }),
        (s) => s === 201,
      );
    const path = pick([
      `/api/v1/modules/${plan.paths.moduleNumber}`,
      "/api/v1/packets",
      "/api/v1/log?limit=20",
      `/api/v1/search?q=${encodeURIComponent(pick(plan.searches))}`,
    ]);
    return send(
      `API: ${path.split("?")[0]}`,
      "api",
      counted,
      () => fetch(to + path, { headers }),
      (s) => s === 200,
    );
  };

  const streams: [number, (counted: boolean) => Promise<void>][] = [
    [learners.length / RATES.learnerPageEverySeconds, learnerPage],
    [learners.length / RATES.learnerWriteEverySeconds, learnerWrite],
    [reviewers.length / RATES.reviewPageEverySeconds, reviewPage],
    [reviewers.length / RATES.verdictEverySeconds, verdict],
    [agents.length / RATES.agentCallEverySeconds, agentCall],
  ];
  const schedule = streams
    .flatMap(([rate, work]) => arrivals(rate, seconds, random).map((at) => ({ at, work })))
    .sort((a, b) => a.at - b.at);

  // A server that has been running has served its people before: every active learner opens each
  // page of the mix once, and a reviewer every queued packet, on every instance, a few at a time, so
  // that the window measures the steady state (what each instance keeps in memory for them
  // included) rather than servers just restarted.
  const primers = plan.bases.flatMap((to) => {
    const visit = (name: string, path: string, cookie: string) => () =>
      send(
        name,
        "page",
        false,
        () => fetch(to + path, { headers: { cookie }, redirect: "manual" }),
        (s) => s === 200,
      );
    return [
      ...learners.flatMap((learner) => learnerPages().map(([name, path]) => visit(name, path, learner.cookie))),
      ...queued.map((learner) => visit("review page", `/review/${learner.packetId}`, pick(reviewers).cookie)),
    ];
  });
  const priming = performance.now();
  await Promise.all(
    Array.from({ length: PRIMING_CONCURRENCY }, async () => {
      for (let next = primers.shift(); next; next = primers.shift()) await next();
    }),
  );

  const primingSeconds = (performance.now() - priming) / 1000;

  const loadStartedAt = Date.now();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let maxSendLagMs = 0;
  for (const { at, work } of schedule) {
    const wait = started + at * 1000 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const lag = performance.now() - (started + at * 1000);
    const counted = at >= plan.warmupSeconds;
    if (counted) maxSendLagMs = Math.max(maxSendLagMs, lag);
    inFlight.push(work(counted));
  }
  await Promise.all(inFlight);

  const counted = samples.filter((s) => s.counted);
  const byName: Record<string, Latencies> = {};
  for (const name of new Set(counted.map((s) => s.name))) byName[name] = latencies(counted.filter((s) => s.name === name).map((s) => s.ms));
  const of = (kind: Kind) => latencies(counted.filter((s) => s.kind === kind).map((s) => s.ms));
  return {
    learners: learners.length,
    reviewers: reviewers.length,
    agents: agents.length,
    offeredPerSecond: streams.reduce((sum, [rate]) => sum + rate, 0),
    pages: of("page"),
    writes: of("write"),
    api: of("api"),
    byName,
    errors,
    errorSamples,
    maxSendLagMs,
    decided,
    primingSeconds,
    loadStartedAt,
  };
}

if (process.argv[1] && import.meta.filename === (await import("node:path")).resolve(process.argv[1])) {
  const plan = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as OpenLoopPlan;
  process.stdout.write(`${JSON.stringify(await runOpenLoop(plan))}\n`);
}
