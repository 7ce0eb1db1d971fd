// The command end to end against a stand-in fetch: output, --json, and the exit codes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchFolders } from "@/test/scratch";
import { EXIT } from "./exit-codes";
import { run, type Streams } from "./main";

const home = scratchFolders("mastery-cli-")();

type Sent = { url: string; method: string; headers: Record<string, string>; body: unknown };

function harness(answer: (sent: Sent) => Response | Promise<Response>, env: Record<string, string> = { MASTERY_TOKEN: "mastery_test" }) {
  const out: string[] = [];
  const err: string[] = [];
  const sent: Sent[] = [];
  const streams: Streams = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { HOME: home, ...env },
    io: {
      readStdin: async () => "from stdin\nsecond line",
      readFile: async () => new TextEncoder().encode("{}"),
      writeFile: async () => undefined,
    },
  };
  const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const entry: Sent = {
      url: String(input),
      method: init?.method ?? "GET",
      headers: init?.headers as Record<string, string>,
      body: init?.body,
    };
    sent.push(entry);
    return answer(entry);
  }) as typeof fetch;
  return { exec: (argv: string) => run(argv.split(" "), streams, fetchImpl), out, err, sent, io: streams.io };
}

const json = (body: unknown, status = 200) => Response.json(body, { status });
const packet = { module: 1, title: "Codex Code Internals", status: "in_progress", attempt: 1, blockedReason: null, awaitingRework: false };

describe("mastery", () => {
  it("sends the token, prints text by default and the answer with --json", async () => {
    const h = harness(() =>
      json({
        next: { kind: "start", module: 2, text: "Start Module 2: Advanced Customization.", command: "mastery start 2" },
        packet: null,
      }),
    );
    expect(await h.exec("next")).toBe(EXIT.ok);
    expect(h.out.join("")).toBe("Start Module 2: Advanced Customization.\n  mastery start 2\n");
    expect(h.sent[0]).toMatchObject({
      url: "http://127.0.0.1:3000/api/v1/packets/next",
      headers: { authorization: "Bearer mastery_test" },
    });
    expect(await h.exec("next --json")).toBe(EXIT.ok);
    expect(JSON.parse(h.out[1]!)).toMatchObject({ next: { kind: "start", module: 2 } });
  });

  it("posts a note from standard input with an idempotency key, titled by its first line", async () => {
    const h = harness(() => json({ evidence: { itemKey: "note-1", version: 1, kind: "note", title: "from stdin" } }, 201));
    expect(await h.exec("evidence add 1 --note -")).toBe(EXIT.ok);
    expect(h.sent[0]).toMatchObject({ method: "POST", url: "http://127.0.0.1:3000/api/v1/modules/1/evidence" });
    expect(JSON.parse(h.sent[0]!.body as string)).toEqual({ kind: "note", title: "from stdin", body: "from stdin\nsecond line" });
    expect(h.sent[0]!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.out.join("")).toContain('Saved note "from stdin" as note-1 v1.');
  });

  it("prints each review's time on the person's clock, its scores and the reviewer's remark on each dimension", async () => {
    const scores = { correctness: 2, speed: 4, resilience: 4, judgment: 4, maintainability: 4, collaboration: 4 };
    const review = {
      verdict: "reject",
      reviewer: "Rex",
      scores,
      remarks: { correctness: "The red run is missing." },
      feedback: "- Add the red run\n- Attach the log",
      checklist: [
        { number: 1, text: "Add the red run", done: true },
        { number: 2, text: "Attach the log", done: false },
      ],
      remediation: null,
      createdAt: "2026-12-04T10:00:00.000Z",
    };
    const h = harness(() =>
      json({
        packet: { ...packet, status: "in_progress", awaitingRework: true },
        timeZone: "America/Los_Angeles",
        reviews: [review],
        comments: [],
      }),
    );
    expect(await h.exec("feedback 1")).toBe(EXIT.ok);
    const text = h.out.join("");
    expect(text).toContain("Rejected by Rex · 2026-12-04 02:00 PST");
    expect(text).toContain("  correctness 2: The red run is missing.");
    expect(text).toContain("  - Add the red run");
    expect(text).toContain("  checklist (1 of 2 done):\n  [x] 1. Add the red run\n  [ ] 2. Attach the log");
  });

  it("marks a checklist item done, or open again with --open", async () => {
    const h = harness(() => json({ checklist: [{ number: 2, text: "Attach the log", done: true }] }));
    expect(await h.exec("tick 1 2")).toBe(EXIT.ok);
    expect(h.sent[0]).toMatchObject({ method: "POST", url: "http://127.0.0.1:3000/api/v1/modules/1/feedback/checklist" });
    expect(JSON.parse(h.sent[0]!.body as string)).toEqual({ number: 2, done: true });
    expect(h.out.join("")).toContain("Checklist (1 of 1 done):\n  [x] 2. Attach the log");
    expect(await h.exec("tick 1 2 --open")).toBe(EXIT.ok);
    expect(JSON.parse(h.sent[1]!.body as string)).toEqual({ number: 2, done: false });
  });

  it("exits 3 with the server's reason when a rule refuses the request", async () => {
    const h = harness(() => json({ error: { code: "one-at-a-time", message: "Module 1 is already in progress." } }, 409));
    expect(await h.exec("start 2")).toBe(EXIT.refused);
    expect(h.err.join("")).toContain("Refused (409 one-at-a-time): Module 1 is already in progress.");
    expect(await h.exec("start 2 --json")).toBe(EXIT.refused);
    expect(JSON.parse(h.out.at(-1)!)).toEqual({ error: { code: "one-at-a-time", message: "Module 1 is already in progress." } });
  });

  it("lists the fields of an invalid request", async () => {
    const h = harness(() => json({ error: { code: "invalid", message: "The body has problems.", fields: { reason: "Say why." } } }, 400));
    expect(await h.exec("block 1 --reason x")).toBe(EXIT.refused);
    expect(h.err.join("")).toContain("  reason: Say why.");
  });

  it("exits 1 when the server fails or is not the Mastery API", async () => {
    expect(await harness(() => json({ error: { code: "internal", message: "boom" } }, 500)).exec("status")).toBe(EXIT.failed);
    expect(await harness(() => new Response("<html></html>", { headers: { "content-type": "text/html" } })).exec("status")).toBe(
      EXIT.failed,
    );
  });

  it("exits 4 when the server cannot be reached, retrying a write once", async () => {
    const refuse = () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    };
    const read = harness(refuse);
    expect(await read.exec("status")).toBe(EXIT.unreachable);
    expect(read.err.join("")).toContain("Cannot reach the Mastery app at http://127.0.0.1:3000 (ECONNREFUSED)");
    expect(read.sent).toHaveLength(1);
    const write = harness(refuse);
    expect(await write.exec("start 1")).toBe(EXIT.unreachable);
    expect(write.sent).toHaveLength(2);
    expect(write.sent[0]!.headers["idempotency-key"]).toBe(write.sent[1]!.headers["idempotency-key"]);
  });

  it("retries a write whose connection dropped with the same key, and says the answer was a replay", async () => {
    let calls = 0;
    const h = harness(() => {
      if (calls++ === 0) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      return new Response(JSON.stringify({ packet }), { headers: { "content-type": "application/json", "idempotent-replayed": "true" } });
    });
    expect(await h.exec("start 1")).toBe(EXIT.ok);
    expect(h.out.join("")).toContain("nothing written twice");
  });

  it("exits 2 without a token, with a bad config file, or with a bad address", async () => {
    const noToken = harness(() => json({}), {});
    expect(await noToken.exec("status")).toBe(EXIT.usage);
    expect(noToken.err.join("")).toContain("No API token");
    expect(noToken.sent).toHaveLength(0);
    const config = path.join(home, "bad.json");
    writeFileSync(config, JSON.stringify({ token: "t", colour: "red" }));
    expect(await harness(() => json({})).exec(`status --config ${config}`)).toBe(EXIT.usage);
    expect(await harness(() => json({})).exec(`status --config ${path.join(home, "missing.json")}`)).toBe(EXIT.usage);
    expect(await harness(() => json({})).exec("status --url ftp://x")).toBe(EXIT.usage);
  });

  it("reads the address and token from the config file, below the environment", async () => {
    const config = path.join(home, "config.json");
    writeFileSync(config, JSON.stringify({ url: "http://127.0.0.1:3213/", token: "mastery_file" }));
    const fromFile = harness(
      () => json({ next: { kind: "done", module: null, text: "Every module is completed.", command: null }, packet: null }),
      {},
    );
    expect(await fromFile.exec(`next --config ${config}`)).toBe(EXIT.ok);
    expect(fromFile.sent[0]).toMatchObject({
      url: "http://127.0.0.1:3213/api/v1/packets/next",
      headers: { authorization: "Bearer mastery_file" },
    });
    const fromEnv = harness(() => json({ next: { kind: "done", module: null, text: "Done.", command: null }, packet: null }), {
      MASTERY_TOKEN: "mastery_env",
      MASTERY_URL: "http://127.0.0.1:3214",
    });
    await fromEnv.exec(`next --config ${config}`);
    expect(fromEnv.sent[0]).toMatchObject({
      url: "http://127.0.0.1:3214/api/v1/packets/next",
      headers: { authorization: "Bearer mastery_env" },
    });
  });

  it("writes a document to a file with -o, or prints it", async () => {
    const written: string[] = [];
    const h = harness(() => new Response("# Playbook\n", { headers: { "content-type": "text/markdown; charset=utf-8" } }));
    expect(await h.exec("export playbook")).toBe(EXIT.ok);
    expect(h.out.join("")).toBe("# Playbook\n");
    expect(h.sent[0]).toMatchObject({ url: "http://127.0.0.1:3000/api/v1/playbook/export", headers: { accept: "text/*" } });
    const report = harness(() => new Response("# Status\n", { headers: { "content-type": "text/markdown" } }));
    report.io.writeFile = async (file, data) => void written.push(`${file}:${data}`);
    expect(await report.exec("report status -o status.md")).toBe(EXIT.ok);
    expect(report.sent[0]!.url).toBe("http://127.0.0.1:3000/api/v1/reports/status");
    expect(written).toEqual(["status.md:# Status\n"]);
    expect(report.out.join("")).toContain("Wrote the status report to status.md (9 bytes).");
  });

  it("reads the whole plan log by following the next cursor, keeping the filters on every page", async () => {
    const entry = (n: number) => ({
      text: `[2026-03-0${n} 10:00 UTC] module=01 status=in_progress\nsummary=note ${n}`,
      actor: "learner:Ada",
    });
    const pages: Record<string, unknown> = {
      "": { entries: [entry(1), entry(2)], next: "c2", previous: null },
      c2: { entries: [entry(3)], next: null, previous: "c3" },
    };
    const h = harness((sent) => json(pages[new URL(sent.url).searchParams.get("after") ?? ""]));
    expect(await h.exec("log --module 1")).toBe(EXIT.ok);
    expect(h.sent.map((s) => s.url)).toEqual([
      "http://127.0.0.1:3000/api/v1/log?module=1&limit=1000",
      "http://127.0.0.1:3000/api/v1/log?module=1&limit=1000&after=c2",
    ]);
    expect(h.out.join("")).toBe(`${[1, 2, 3].map((n) => `${entry(n).text}\nby=learner:Ada`).join("\n\n")}\n`);
    expect(await h.exec("log --module 1 --json")).toBe(EXIT.ok);
    expect(JSON.parse(h.out.at(-1)!)).toEqual({ entries: [entry(1), entry(2), entry(3)] });
    const empty = harness(() => json({ entries: [], next: null, previous: null }));
    expect(await empty.exec("log")).toBe(EXIT.ok);
    expect(empty.out.join("")).toBe("The plan log has no entries yet.\n");
  });

  it("prints help with exit 0 and a usage error with exit 2", async () => {
    const h = harness(() => json({}));
    expect(await h.exec("--help")).toBe(EXIT.ok);
    expect(h.out.join("")).toContain("Usage: mastery <command>");
    expect(await h.exec("start")).toBe(EXIT.usage);
    expect(h.sent).toHaveLength(0);
  });
});

describe("mastery's library commands", () => {
  const pattern = {
    slug: "budget-the-context",
    title: "Budget the context",
    category: "speed",
    tags: ["tokens"],
    problem: "Long sessions forget.",
    whenToUse: "",
    howToApply: "Trim.",
    version: 2,
    archived: false,
    actor: { kind: "agent", label: "ci-agent" },
  };

  it("creates a pattern from a JSON file on standard input, with an idempotency key, and says who saved it", async () => {
    const h = harness(() => json({ pattern: { ...pattern, version: 1 } }, 201));
    h.io.readStdin = async () => JSON.stringify({ title: "Budget the context", category: "speed" });
    expect(await h.exec("patterns create --file -")).toBe(EXIT.ok);
    expect(h.sent[0]).toMatchObject({ method: "POST", url: "http://127.0.0.1:3000/api/v1/patterns" });
    expect(JSON.parse(h.sent[0]!.body as string)).toEqual({ title: "Budget the context", category: "speed" });
    expect(h.sent[0]!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.out.join("")).toBe("Created pattern budget-the-context (v1, saved by agent ci-agent).\n");
  });

  it("updates against --version, and exits 5 naming the field when another version was saved since", async () => {
    const ok = harness(() => json({ pattern, changed: true }));
    ok.io.readStdin = async () => JSON.stringify({ whenToUse: "Sessions of hours." });
    expect(await ok.exec("patterns update budget-the-context --version 1 --file -")).toBe(EXIT.ok);
    expect(ok.sent[0]!.url).toBe("http://127.0.0.1:3000/api/v1/patterns/budget-the-context");
    expect(JSON.parse(ok.sent[0]!.body as string)).toEqual({ whenToUse: "Sessions of hours.", expectedVersion: 1 });
    expect(ok.out.join("")).toBe("Pattern budget-the-context is v2, saved by agent ci-agent.\n");
    const stale = harness(() =>
      json(
        {
          error: {
            code: "stale-version",
            message: "This pattern was saved elsewhere.",
            fields: { expectedVersion: "the pattern is now version 2" },
          },
        },
        409,
      ),
    );
    expect(await stale.exec("playbook update before-a-long-session --version 1 --file body.json")).toBe(EXIT.stale);
    expect(stale.err.join("")).toContain(
      "Refused (409 stale-version): This pattern was saved elsewhere.\n  expectedVersion: the pattern is now version 2",
    );
    expect(await stale.exec("patterns update budget-the-context --version one --file -")).toBe(EXIT.usage);
    expect(await stale.exec("patterns update budget-the-context --file -")).toBe(EXIT.usage);
    expect(stale.sent).toHaveLength(1);
  });

  it("lists, reads and archives patterns and playbook entries", async () => {
    const list = harness(() =>
      json({
        patterns: [{ slug: "budget-the-context", title: "Budget the context", category: "speed", version: 2 }],
        page: 1,
        pages: 1,
        total: 1,
      }),
    );
    expect(await list.exec("patterns list --tag tokens --archived")).toBe(EXIT.ok);
    expect(list.sent[0]!.url).toBe("http://127.0.0.1:3000/api/v1/patterns?tag=tokens&archived=true");
    expect(list.out.join("")).toBe("  budget-the-context  v2  speed  Budget the context\n\nPage 1 of 1 · 1 pattern\n");
    const get = harness(() => json({ pattern }));
    expect(await get.exec("patterns get budget-the-context")).toBe(EXIT.ok);
    expect(get.out.join("")).toBe(
      "Budget the context (budget-the-context) — speed #tokens\nv2, saved by agent ci-agent\n\n## Problem\nLong sessions forget.\n\n## How to apply\nTrim.\n",
    );
    const archive = harness(() =>
      json({ entry: { slug: "before", title: "Before", kind: "checklist", body: "", version: 3, archived: false, actor: pattern.actor } }),
    );
    expect(await archive.exec("playbook archive before --restore")).toBe(EXIT.ok);
    expect(archive.sent[0]).toMatchObject({ method: "POST", url: "http://127.0.0.1:3000/api/v1/playbook/entries/before/archive" });
    expect(JSON.parse(archive.sent[0]!.body as string)).toEqual({ archived: false });
    expect(archive.out.join("")).toBe("Restored playbook entry before (v3, saved by agent ci-agent).\n");
    const entries = harness(() => json({ entries: [] }));
    expect(await entries.exec("playbook list --kind checklist")).toBe(EXIT.ok);
    expect(entries.sent[0]!.url).toBe("http://127.0.0.1:3000/api/v1/playbook/entries?kind=checklist");
    expect(entries.out.join("")).toBe("No playbook entries match.\n");
  });

  it("exports the library zip to the file named by -o, as bytes", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0xff]);
    const h = harness(() => new Response(zip, { headers: { "content-type": "application/zip" } }));
    const written: [string, string | Uint8Array][] = [];
    h.io.writeFile = async (file, data) => void written.push([file, data]);
    expect(await h.exec("library export -o library.zip")).toBe(EXIT.ok);
    expect(h.sent[0]).toMatchObject({ url: "http://127.0.0.1:3000/api/v1/library/export", headers: { accept: "application/zip" } });
    expect(written).toEqual([["library.zip", zip]]);
    expect(h.out.join("")).toBe("Wrote the library to library.zip (5 bytes).\n");
    expect(await h.exec("library export")).toBe(EXIT.usage);
  });

  it("previews an import first and prints how to apply it; --apply sends the fingerprint and the kept conflicts", async () => {
    const plan = {
      problems: [],
      ignored: [],
      newCategories: ["ops"],
      create: [{ kind: "pattern", slug: "a", title: "A", file: "docs/patterns/ops/a.md" }],
      update: [{ kind: "entry", slug: "b", title: "B", file: "docs/playbook/b.md", changes: ["text"] }],
      unchanged: [],
      fingerprint: "f1",
    };
    const preview = harness(() => json({ plan }));
    expect(await preview.exec("library import library.zip")).toBe(EXIT.ok);
    expect(preview.sent[0]).toMatchObject({ method: "POST", url: "http://127.0.0.1:3000/api/v1/library/import/preview" });
    expect(preview.sent[0]!.headers["idempotency-key"]).toBeUndefined();
    expect((preview.sent[0]!.body as FormData).get("file")).toBeInstanceOf(Blob);
    expect(preview.out.join("")).toBe(
      [
        "Preview of library.zip (nothing written):",
        "New categories: ops",
        "Create (1):",
        "  pattern:a  A",
        "Update as a new version (keep one with --keep kind:slug) (1):",
        "  entry:b  B — text",
        "Unchanged: 0",
        "",
        "To import it: mastery library import library.zip --apply --fingerprint f1",
        "",
      ].join("\n"),
    );
    const apply = harness(() => json({ plan, result: { created: 1, updated: 0, kept: 1, unchanged: 0, categories: 1 } }));
    expect(await apply.exec("library import library.zip --apply --fingerprint f1 --keep entry:b")).toBe(EXIT.ok);
    const form = apply.sent[0]!.body as FormData;
    expect(apply.sent[0]).toMatchObject({ url: "http://127.0.0.1:3000/api/v1/library/import/apply" });
    expect([form.get("fingerprint"), form.get("keep")]).toEqual(["f1", "entry:b"]);
    expect(apply.sent[0]!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(apply.out.join("")).toBe("Imported library.zip: 1 created, 0 updated, 1 kept as they were, 0 unchanged, 1 new categories.\n");
    expect(await apply.exec("library import library.zip --apply")).toBe(EXIT.usage);
    expect(await apply.exec("library import library.zip --fingerprint f1")).toBe(EXIT.usage);
    expect(apply.sent).toHaveLength(1);
  });

  it("lists the library commands and the stale exit code in the help", async () => {
    const h = harness(() => json({}));
    expect(await h.exec("--help")).toBe(EXIT.ok);
    const help = h.out.join("");
    for (const name of ["patterns create", "patterns update <slug>", "playbook archive <slug>", "library export", "library import <file>"])
      expect(help).toContain(name);
    expect(help).toContain("5  the pattern or playbook entry changed since the --version given");
    expect(await h.exec("patterns")).toBe(EXIT.usage);
    expect(h.err.join("")).toContain('"patterns" is incomplete: use mastery patterns list or mastery patterns get');
  });
});
