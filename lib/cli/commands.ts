// The mastery commands: what each one asks the API, and how its answer reads for a person
// (with --json the API's answer is printed as it came).
import { IMPORTED_COMPLETION } from "../packets/imported";
import { formatMoment } from "../time/zone";
import path from "node:path";
import type { ApiAnswer } from "./client";
import {
  type Command,
  documentCommand,
  idempotencyOption,
  outputOption,
  post,
  readJsonFile,
  readOrExplain,
  replayNote,
  type RunContext,
  textOption,
} from "./command-kit";
import { CHECK_COMMANDS } from "./check-commands";
import { LIBRARY_COMMANDS } from "./library-commands";

// Shapes of the answers the commands print (the API documents them fully at /api/v1/openapi.json).
type Packet = {
  module: number;
  title: string;
  status: string;
  attempt: number | null;
  blockedReason: string | null;
  awaitingRework: boolean;
  imported: boolean;
};
type NextStep = { kind: string; module: number | null; text: string; command: string | null };
type Evidence = { itemKey: string; version: number; kind: string; title: string };
type LogEntry = { text: string; actor: string };
type Review = {
  verdict: string;
  reviewer: string;
  scores: Record<string, number>;
  remarks: Record<string, string>;
  feedback: string;
  checklist: Checklist;
  createdAt: string;
  remediation: { dimensions: string[]; drills: { id: string; title: string }[] } | null;
};

type Checklist = { number: number; text: string; done: boolean }[];
const checklistLines = (checklist: Checklist) => checklist.map((c) => `  [${c.done ? "x" : " "}] ${c.number}. ${c.text}`);

const moduleArg = { name: "module", help: "the module's number, e.g. 1" };
const modulePath = (ctx: RunContext, rest = "") => `/api/v1/modules/${ctx.args.module}${rest}`;
const label = (p: Pick<Packet, "module" | "title">) => `Module ${p.module}: ${p.title}`;

function describeStatus(p: Packet): string {
  if (p.status === "blocked") return `blocked: ${p.blockedReason ?? "no reason given"}`;
  if (p.awaitingRework) return "in_progress · rework after review";
  const status = p.imported ? `${p.status} · ${IMPORTED_COMPLETION}` : p.status;
  return p.attempt && p.attempt > 1 ? `${status} · attempt ${p.attempt}` : status;
}

function describeNext(next: NextStep): string {
  return next.command ? `${next.text}\n  ${next.command}` : next.text;
}

export const COMMANDS: Command[] = [
  {
    name: "status",
    summary: "Your packets and their status, and the next step",
    args: [],
    options: {},
    examples: ["mastery status", "mastery status --json"],
    async run(ctx) {
      const { body } = await ctx.call({ method: "GET", path: "/api/v1/packets" });
      const { learner, packets, next } = body as {
        learner: { name: string; program: string; via: string };
        packets: Packet[];
        next: NextStep;
      };
      const width = Math.max(...packets.map((p) => p.title.length));
      const rows = packets.map((p) => `  ${String(p.module).padStart(2)}  ${p.title.padEnd(width)}  ${describeStatus(p)}`);
      return { text: [`${learner.name} · ${learner.program}`, "", ...rows, "", `Next: ${describeNext(next)}`].join("\n"), json: body };
    },
  },
  {
    name: "next",
    summary: "The next actionable packet: what to do now",
    args: [],
    options: {},
    examples: ["mastery next", "mastery next --json"],
    async run(ctx) {
      const { body } = await ctx.call({ method: "GET", path: "/api/v1/packets/next" });
      return { text: describeNext((body as { next: NextStep }).next), json: body };
    },
  },
  {
    name: "module",
    summary: "A module's outcomes, drills (with their ids), exit ticket and exercises",
    args: [moduleArg],
    options: {},
    examples: ["mastery module 1"],
    async run(ctx) {
      const { body } = await ctx.call({ method: "GET", path: modulePath(ctx) });
      const { module: m, packet } = body as {
        module: {
          outcomes: string[];
          drills: { id: string; level: string; title: string; timebox: { reps: number; minutes: number } | null }[];
          exitTicket: { question: number; text: string }[];
          exercises: { slug: string; title: string; difficulty: string; minutes: number; checks: unknown[] }[];
        };
        packet: Packet;
      };
      const text = [
        `${label(packet)} — ${describeStatus(packet)}`,
        "",
        "Outcomes:",
        ...m.outcomes.map((o) => `  - ${o}`),
        "",
        "Drills (mastery drill record --drill ID):",
        ...m.drills.map(
          (d) => `  ${d.id} (${d.level}): ${d.title}${d.timebox ? ` [${d.timebox.reps} reps in ${d.timebox.minutes} min]` : ""}`,
        ),
        "",
        "Exit ticket (mastery exit-ticket --question N):",
        ...m.exitTicket.map((q) => `  ${q.question}. ${q.text}`),
        "",
        "Exercises (mastery evidence add --exercise SLUG; mastery check MODULE.NUMBER runs its machine checks):",
        ...m.exercises.map(
          (e) =>
            `  ${e.slug}: ${e.title} (${e.difficulty}, ${e.minutes} min${e.checks.length > 0 ? `, ${e.checks.length} machine checks` : ""})`,
        ),
      ].join("\n");
      return { text, json: body };
    },
  },
  {
    name: "start",
    summary: "Start a module's packet (pending → in_progress)",
    args: [moduleArg],
    options: { restart: { type: "boolean", help: "start a new attempt of a completed or blocked module" }, ...idempotencyOption },
    examples: ["mastery start 1", "mastery start 3 --restart"],
    async run(ctx) {
      const answer = await post(ctx, modulePath(ctx, "/start"), ctx.options.restart ? { restart: true } : {});
      const { packet } = answer.body as { packet: Packet };
      return { text: `Started ${label(packet)}: ${describeStatus(packet)}.${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "evidence add",
    summary: "Attach a note, a link, a file or an exercise result to a module's packet",
    args: [moduleArg],
    options: {
      note: { type: "string", value: "TEXT|-", help: "a Markdown note; - reads it from standard input" },
      link: { type: "string", value: "URL", help: "an http(s) link" },
      file: { type: "string", value: "PATH", help: "a file (up to 10 MB)" },
      exercise: { type: "string", value: "SLUG", help: "with --note: the result of this exercise" },
      title: { type: "string", value: "TEXT", help: "the evidence title (default: from the note, link or file name)" },
      item: { type: "string", value: "KEY", help: "add a new version of this evidence item" },
      ...idempotencyOption,
    },
    check: (o) =>
      [o.note, o.link, o.file].filter((v) => v !== undefined).length !== 1
        ? "Give exactly one of --note, --link or --file."
        : o.exercise !== undefined && o.note === undefined
          ? "--exercise needs --note with the result."
          : null,
    examples: [
      "mastery evidence add 1 --note - --title 'Session trace' < trace.md",
      "mastery evidence add 1 --link https://example.com/pr/42 --title 'Pull request'",
      "mastery evidence add 1 --file validate.log",
      "mastery evidence add 1 --exercise 01-trace --note 'All four criteria met; see validate.log'",
    ],
    async run(ctx) {
      const { options } = ctx;
      const itemKey = typeof options.item === "string" ? options.item : undefined;
      let answer: ApiAnswer;
      if (typeof options.file === "string") {
        const bytes = await readOrExplain(ctx, options.file);
        const form = new FormData();
        const name = path.basename(options.file);
        form.set("title", typeof options.title === "string" ? options.title : name);
        form.set("file", new Blob([new Uint8Array(bytes)]), name);
        if (itemKey) form.set("itemKey", itemKey);
        answer = await post(ctx, modulePath(ctx, "/evidence"), undefined, form);
      } else if (typeof options.link === "string") {
        answer = await post(ctx, modulePath(ctx, "/evidence"), {
          kind: "link",
          title: options.title ?? options.link,
          url: options.link,
          itemKey,
        });
      } else {
        const body = (await textOption(ctx, "note")) ?? "";
        const firstLine = body.trim().split("\n")[0]?.slice(0, 80) || "Note";
        const title =
          typeof options.title === "string" ? options.title : typeof options.exercise === "string" ? "Exercise result" : firstLine;
        answer = await post(
          ctx,
          modulePath(ctx, "/evidence"),
          typeof options.exercise === "string"
            ? { kind: "exercise", title, exercise: options.exercise, body, itemKey }
            : { kind: "note", title, body, itemKey },
        );
      }
      const { evidence } = answer.body as { evidence: Evidence };
      return {
        text: `Saved ${evidence.kind} "${evidence.title}" as ${evidence.itemKey} v${evidence.version}.${replayNote(answer)}`,
        json: answer.body,
      };
    },
  },
  {
    name: "drill record",
    summary: "Record a drill attempt: reps, time and whether it met the standard",
    args: [moduleArg],
    options: {
      drill: { type: "string", value: "ID", help: "the drill's id (see mastery module N)", required: true },
      reps: { type: "string", value: "N", help: "reps completed", required: true },
      seconds: { type: "string", value: "S", help: "how long it took, in seconds", required: true },
      passed: { type: "boolean", help: "the attempt met the drill's standard" },
      failed: { type: "boolean", help: "the attempt did not meet it" },
      notes: { type: "string", value: "TEXT|-", help: "notes on the attempt; - reads standard input" },
      ...idempotencyOption,
    },
    check: (o) =>
      o.passed === o.failed
        ? "Say whether the attempt met the standard: --passed or --failed."
        : !/^\d+$/.test(String(o.reps)) || !/^\d+$/.test(String(o.seconds))
          ? "--reps and --seconds are whole numbers."
          : null,
    examples: ["mastery drill record 1 --drill role-labelling --reps 3 --seconds 840 --passed"],
    async run(ctx) {
      const { options } = ctx;
      const notes = await textOption(ctx, "notes");
      const answer = await post(ctx, modulePath(ctx, "/drills"), {
        drillId: options.drill,
        reps: Number(options.reps),
        seconds: Number(options.seconds),
        passed: options.passed === true,
        ...(notes !== undefined ? { notes } : {}),
      });
      const { evidence } = answer.body as { evidence: Evidence };
      return {
        text: `Recorded drill ${String(options.drill)}: ${String(options.reps)} reps in ${String(options.seconds)} s, ${options.passed ? "passed" : "not passed"} (${evidence.itemKey} v${evidence.version}).${replayNote(answer)}`,
        json: answer.body,
      };
    },
  },
  {
    name: "exit-ticket",
    summary: "Answer one of the module's three exit-ticket questions",
    args: [moduleArg],
    options: {
      question: { type: "string", value: "N", help: "the question's number, 1 to 3", required: true },
      answer: { type: "string", value: "TEXT|-", help: "the answer; - reads standard input", required: true },
      ...idempotencyOption,
    },
    check: (o) => (/^[1-3]$/.test(String(o.question)) ? null : "--question is 1, 2 or 3."),
    examples: ["mastery exit-ticket 1 --question 2 --answer - < answer.md"],
    async run(ctx) {
      const answer = await post(ctx, modulePath(ctx, "/exit-ticket"), {
        question: Number(ctx.options.question),
        answer: await textOption(ctx, "answer"),
      });
      const { evidence } = answer.body as { evidence: Evidence };
      return {
        text: `Saved the answer to exit-ticket question ${String(ctx.options.question)} (${evidence.itemKey} v${evidence.version}).${replayNote(answer)}`,
        json: answer.body,
      };
    },
  },
  {
    name: "submit",
    summary: "Submit the completion proof and self-score (in_progress → review_required)",
    args: [moduleArg],
    options: {
      proof: { type: "string", value: "FILE|-", help: "the completion proof as JSON (see /api); - reads standard input", required: true },
      ...idempotencyOption,
    },
    examples: ["mastery submit 1 --proof proof.json"],
    async run(ctx) {
      const proof = await readJsonFile(ctx, String(ctx.options.proof));
      const answer = await post(ctx, modulePath(ctx, "/submit"), proof);
      const { packet } = answer.body as { packet: Packet };
      return {
        text: `Submitted ${label(packet)}: ${packet.status}. It waits for a human reviewer's sign-off.${replayNote(answer)}`,
        json: answer.body,
      };
    },
  },
  {
    name: "block",
    summary: "Block a module's packet, with the reason",
    args: [moduleArg],
    options: {
      reason: { type: "string", value: "TEXT", help: "why it is blocked (shown to the reviewer, logged)", required: true },
      ...idempotencyOption,
    },
    examples: ["mastery block 1 --reason 'Waiting for access to the team repository'"],
    async run(ctx) {
      const answer = await post(ctx, modulePath(ctx, "/block"), { reason: ctx.options.reason });
      const { packet } = answer.body as { packet: Packet };
      return { text: `${label(packet)} is ${describeStatus(packet)}.${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "unblock",
    summary: "Unblock a module's packet",
    args: [moduleArg],
    options: { reason: { type: "string", value: "TEXT", help: "what removed the blocker" }, ...idempotencyOption },
    examples: ["mastery unblock 1 --reason 'Access granted'"],
    async run(ctx) {
      const answer = await post(
        ctx,
        modulePath(ctx, "/unblock"),
        typeof ctx.options.reason === "string" ? { reason: ctx.options.reason } : {},
      );
      const { packet } = answer.body as { packet: Packet };
      return { text: `${label(packet)} is ${describeStatus(packet)} again.${replayNote(answer)}`, json: answer.body };
    },
  },
  {
    name: "log",
    summary: "Read the plan log",
    args: [],
    options: {
      module: { type: "string", value: "N", help: "only this module" },
      status: { type: "string", value: "STATUS", help: "only entries with this status" },
    },
    check: (o) => (o.module !== undefined && !/^[1-9]\d?$/.test(String(o.module)) ? "--module is a module number such as 1." : null),
    examples: ["mastery log", "mastery log --module 1", "mastery log --status review_required --json"],
    async run(ctx) {
      // The API answers a page at a time: follow its next cursor to the newest entry.
      const entries: LogEntry[] = [];
      let after: string | null = null;
      do {
        const query = {
          module: ctx.options.module as string | undefined,
          status: ctx.options.status as string | undefined,
          limit: "1000",
          after: after ?? undefined,
        };
        const { body } = await ctx.call({ method: "GET", path: "/api/v1/log", query });
        const page = body as { entries: LogEntry[]; next: string | null };
        entries.push(...page.entries);
        after = page.next;
      } while (after);
      return {
        text: entries.length === 0 ? "The plan log has no entries yet." : entries.map((e) => `${e.text}\nby=${e.actor}`).join("\n\n"),
        json: { entries },
      };
    },
  },
  {
    name: "log append",
    summary: "Append a note to the plan log (it keeps the module's status)",
    args: [moduleArg],
    options: {
      summary: { type: "string", value: "TEXT", help: "what changed", required: true },
      evidence: { type: "string", value: "TEXT", help: "artifact paths or evidence item keys" },
      risks: { type: "string", value: "TEXT", help: "known issues" },
      next: { type: "string", value: "TEXT", help: "the next action" },
      ...idempotencyOption,
    },
    examples: [
      "mastery log append 1 --summary 'Drafted the labelling script' --evidence scripts/label.sh --next 'Run it on three sessions'",
    ],
    async run(ctx) {
      const { summary, evidence, risks, next } = ctx.options;
      const answer = await post(ctx, "/api/v1/log", { module: Number(ctx.args.module), summary, evidence, risks, next });
      return {
        text: `Appended to the plan log:\n${(answer.body as { entry: LogEntry }).entry.text}${replayNote(answer)}`,
        json: answer.body,
      };
    },
  },
  {
    name: "feedback",
    summary: "The reviews, feedback, remediation and comments on a module's packet",
    args: [moduleArg],
    options: {},
    examples: ["mastery feedback 1"],
    async run(ctx) {
      const { body } = await ctx.call({ method: "GET", path: modulePath(ctx, "/feedback") });
      const { packet, timeZone, reviews, comments } = body as {
        packet: Packet;
        timeZone: string;
        reviews: Review[];
        comments: { evidenceItemKey: string; author: string; body: string; resolution: { note: string } | null }[];
      };
      const verdicts: Record<string, string> = {
        accept: "Accepted",
        reject: "Rejected",
        rescore: "Rescored",
        "self-review": "Self-review",
      };
      const lines = [`${label(packet)} — ${describeStatus(packet)}`];
      if (reviews.length === 0) lines.push("", "No reviews yet.");
      for (const r of reviews) {
        lines.push(
          "",
          `${verdicts[r.verdict] ?? r.verdict} by ${r.reviewer} · ${formatMoment(new Date(r.createdAt), timeZone)}`,
          `  scores: ${Object.entries(r.scores)
            .map(([d, s]) => `${d} ${s}`)
            .join(", ")}`,
        );
        for (const [d, remark] of Object.entries(r.remarks ?? {})) lines.push(`  ${d} ${r.scores[d]}: ${remark}`);
        if (r.feedback) lines.push(...r.feedback.split("\n").map((l) => `  ${l}`));
        if (r.checklist.length > 0)
          lines.push(
            `  checklist (${r.checklist.filter((c) => c.done).length} of ${r.checklist.length} done):`,
            ...checklistLines(r.checklist),
          );
        if (r.remediation)
          lines.push(
            `  remediation: ${r.remediation.dimensions.join(", ")}; drills: ${r.remediation.drills.map((d) => d.id).join(", ") || "none"}`,
          );
      }
      if (comments.length > 0) {
        lines.push("", "Comments:");
        for (const c of comments)
          lines.push(`  [${c.evidenceItemKey}] ${c.author}: ${c.body}${c.resolution ? ` (resolved: ${c.resolution.note})` : ""}`);
      }
      return { text: lines.join("\n"), json: body };
    },
  },
  {
    name: "tick",
    summary: "Mark an item of the latest request for changes done while reworking (--open to undo)",
    args: [moduleArg, { name: "number", help: "the checklist item's number, as `mastery feedback` lists it" }],
    options: { open: { type: "boolean", help: "mark the item open again" } },
    examples: ["mastery tick 1 2", "mastery tick 1 2 --open"],
    async run(ctx) {
      const number = Number(ctx.args.number);
      const answer = await post(ctx, modulePath(ctx, "/feedback/checklist"), {
        number: Number.isInteger(number) ? number : ctx.args.number,
        done: ctx.options.open !== true,
      });
      const { checklist } = answer.body as { checklist: Checklist };
      return {
        text: [`Checklist (${checklist.filter((c) => c.done).length} of ${checklist.length} done):`, ...checklistLines(checklist)].join(
          "\n",
        ),
        json: answer.body,
      };
    },
  },
  {
    name: "export playbook",
    summary: "Your playbook as one Markdown document",
    args: [],
    options: outputOption,
    examples: ["mastery export playbook -o playbook.md"],
    run: (ctx) => documentCommand(ctx, "/api/v1/playbook/export", "the playbook"),
  },
  {
    name: "report status",
    summary: "The status-update report, generated from the live state",
    args: [],
    options: outputOption,
    examples: ["mastery report status -o status.md"],
    run: (ctx) => documentCommand(ctx, "/api/v1/reports/status", "the status report"),
  },
  ...LIBRARY_COMMANDS,
  ...CHECK_COMMANDS,
];
