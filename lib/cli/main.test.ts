// The command end to end against a stand-in fetch: output, --json, and the exit codes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "./exit-codes";
import { run, type Streams } from "./main";

const home = mkdtempSync(path.join(tmpdir(), "mastery-cli-"));

type Sent = { url: string; method: string; headers: Record<string, string>; body: unknown };

function harness(answer: (sent: Sent) => Response | Promise<Response>, env: Record<string, string> = { MASTERY_TOKEN: "mastery_test" }) {
  const out: string[] = [];
  const err: string[] = [];
  const sent: Sent[] = [];
  const streams: Streams = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { HOME: home, ...env },
    io: { readStdin: async () => "from stdin\nsecond line", readFile: async () => new TextEncoder().encode("{}"), writeFile: async () => undefined },
  };
  const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const entry: Sent = { url: String(input), method: init?.method ?? "GET", headers: init?.headers as Record<string, string>, body: init?.body };
    sent.push(entry);
    return answer(entry);
  }) as typeof fetch;
  return { exec: (argv: string) => run(argv.split(" "), streams, fetchImpl), out, err, sent, io: streams.io };
}

const json = (body: unknown, status = 200) => Response.json(body, { status });
const packet = { module: 1, title: "Codex Code Internals", status: "in_progress", attempt: 1, blockedReason: null, awaitingRework: false };

describe("mastery", () => {
  it("sends the token, prints text by default and the answer with --json", async () => {
    const h = harness(() => json({ next: { kind: "start", module: 2, text: "Start Module 2: Advanced Customization.", command: "mastery start 2" }, packet: null }));
    expect(await h.exec("next")).toBe(EXIT.ok);
    expect(h.out.join("")).toBe("Start Module 2: Advanced Customization.\n  mastery start 2\n");
    expect(h.sent[0]).toMatchObject({ url: "http://127.0.0.1:3000/api/v1/packets/next", headers: { authorization: "Bearer mastery_test" } });
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
    expect(await harness(() => new Response("<html></html>", { headers: { "content-type": "text/html" } })).exec("status")).toBe(EXIT.failed);
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
    const fromFile = harness(() => json({ next: { kind: "done", module: null, text: "Every module is completed.", command: null }, packet: null }), {});
    expect(await fromFile.exec(`next --config ${config}`)).toBe(EXIT.ok);
    expect(fromFile.sent[0]).toMatchObject({ url: "http://127.0.0.1:3213/api/v1/packets/next", headers: { authorization: "Bearer mastery_file" } });
    const fromEnv = harness(() => json({ next: { kind: "done", module: null, text: "Done.", command: null }, packet: null }), { MASTERY_TOKEN: "mastery_env", MASTERY_URL: "http://127.0.0.1:3214" });
    await fromEnv.exec(`next --config ${config}`);
    expect(fromEnv.sent[0]).toMatchObject({ url: "http://127.0.0.1:3214/api/v1/packets/next", headers: { authorization: "Bearer mastery_env" } });
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
