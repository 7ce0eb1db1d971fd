// The zod schemas of the API's paths, queries, bodies and answers. Bodies check shape and types
// strictly (unknown fields refused); the domain functions they feed apply the rules and limits.
import { z } from "zod";
import { LOG_CURSOR_PATTERN, parseLogCursor } from "../log/pages";
import { CheckRunSchema, runSummary } from "../packets/check-run";
import { ProofSchema } from "../packets/proof";
import { STATUSES, StatusSchema } from "../packets/transitions";
import { DIMENSIONS, RubricScoresSchema } from "../rubric/rubric";
import { isUploadedFile, type UploadedFile } from "./request";

const moduleNumber = z
  .string()
  .regex(/^[1-9]\d?$/, "a module number such as 1")
  .transform(Number)
  .meta({ description: "The module's number in the program, e.g. 1.", examples: ["1"] });

export const ModuleParams = z.strictObject({ module: moduleNumber });
export const ProgramParams = z.strictObject({
  program: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a program's slug such as codex-mastery")
    .meta({
      description: "The program's slug, e.g. codex-mastery (GET /api/v1/program answers the learner's).",
      examples: ["codex-mastery"],
    }),
});
export const PacketIdParams = z.strictObject({ id: z.string().min(1).max(100).meta({ description: "The packet's id." }) });

export const PacketsQuery = z.strictObject({ status: StatusSchema.optional().meta({ description: "Only packets with this status." }) });
const logCursor = (description: string) =>
  z
    .string()
    .regex(LOG_CURSOR_PATTERN, "a cursor from the next or previous of an earlier answer")
    .transform((text) => parseLogCursor(text)!)
    .optional()
    .meta({ description });
export const LOG_LIMIT = { default: 200, max: 1000 } as const;
export const LogQuery = z
  .strictObject({
    module: moduleNumber.optional(),
    status: StatusSchema.optional().meta({ description: "Only entries written with this status." }),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, `a number from 1 to ${LOG_LIMIT.max}`)
      .transform(Number)
      .pipe(z.number().min(1, `a number from 1 to ${LOG_LIMIT.max}`).max(LOG_LIMIT.max, `a number from 1 to ${LOG_LIMIT.max}`))
      .optional()
      .meta({
        description: `How many entries to answer with, from 1 to ${LOG_LIMIT.max} (default ${LOG_LIMIT.default}).`,
        examples: ["50"],
      }),
    after: logCursor("Only entries after this cursor (an answer's next): the page that follows it."),
    before: logCursor("Only entries before this cursor (an answer's previous): the page that precedes it."),
  })
  .refine((query) => query.after === undefined || query.before === undefined, {
    path: ["before"],
    message: "give after or before, not both",
  });
export const SearchQuery = z.strictObject({
  q: z.string().max(200, "must be at most 200 characters").default(""),
  limit: z
    .string()
    .regex(/^\d{1,2}$/, "a number from 1 to 50")
    .transform(Number)
    .pipe(z.number().min(1, "a number from 1 to 50").max(50, "a number from 1 to 50"))
    .optional(),
});

// ── bodies ──

const itemKey = z.string().meta({ description: "Add a new version of this existing evidence item instead of a new item." }).optional();
const title = z.string().meta({ description: "A short title shown in the packet." });

export const StartBody = z.strictObject({
  restart: z.boolean().optional().meta({ description: "Start a new attempt of a completed or blocked module; earlier attempts are kept." }),
});

const fileEvidence = (fields: {
  fileName: string;
  fileType?: string;
  bytes: Uint8Array;
  title: string;
  body?: string;
  itemKey?: string;
}) => ({
  kind: "file" as const,
  ...fields,
});

export const EvidenceBody = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("note"), title, body: z.string().meta({ description: "Markdown." }), itemKey }),
    z.strictObject({
      kind: z.literal("link"),
      title,
      url: z.string().meta({ description: "An http(s) address." }),
      body: z.string().optional(),
      itemKey,
    }),
    z.strictObject({
      kind: z.literal("exercise"),
      title,
      exercise: z.string().meta({ description: "The exercise's slug, from GET /api/v1/modules/{module}." }),
      body: z.string().meta({ description: "The result against the success criteria, and where its evidence is." }),
      itemKey,
    }),
    z.strictObject({
      kind: z.literal("file"),
      title,
      fileName: z.string(),
      fileType: z.string().optional().meta({ description: "A media type, e.g. text/plain." }),
      contentBase64: z
        .base64("the file content, base64-encoded")
        .meta({ description: "The file's bytes, base64-encoded (up to 10 MB decoded)." }),
      body: z.string().optional(),
      itemKey,
    }),
  ])
  .transform((input) => {
    if (input.kind !== "file") return input;
    const { contentBase64, ...rest } = input;
    return fileEvidence({ ...rest, bytes: new Uint8Array(Buffer.from(contentBase64, "base64")) });
  });

export const UploadedFileSchema = z.custom<UploadedFile>(isUploadedFile, "attach the file as the form part named file");

export const EvidenceForm = z
  .strictObject({
    title,
    file: UploadedFileSchema,
    body: z.string().optional(),
    itemKey,
  })
  .transform(({ file, ...rest }) => fileEvidence({ ...rest, fileName: file.name, fileType: file.type || undefined, bytes: file.bytes }));

export function isUploadedFileSchema(schema: unknown): boolean {
  return schema === UploadedFileSchema;
}

export const DrillBody = z
  .strictObject({
    drillId: z.string().meta({ description: "The drill's id, from GET /api/v1/modules/{module}." }),
    reps: z.number().int(),
    seconds: z.number().int().meta({ description: "How long the attempt took." }),
    passed: z.boolean().meta({ description: "Whether the attempt met the drill's standard." }),
    title: z.string().optional(),
    notes: z.string().optional(),
  })
  .transform(({ notes, title: label, ...drill }) => ({
    kind: "drill" as const,
    title: label ?? "Drill attempt",
    body: notes ?? "",
    ...drill,
  }));

export const ExitTicketBody = z
  .strictObject({
    question: z.number().int().min(1, "questions are numbered 1 to 3").max(3, "questions are numbered 1 to 3"),
    answer: z.string(),
  })
  .transform(({ question, answer }) => ({
    kind: "exit-ticket" as const,
    question: question - 1,
    title: `Exit ticket ${question}`,
    body: answer,
  }));

export const CheckRunBody = CheckRunSchema.extend({
  exercise: z.string().meta({ description: "The exercise's slug, from GET /api/v1/modules/{module}." }),
}).transform(({ exercise, ...check }) => ({ kind: "exercise" as const, exercise, body: runSummary(check), check }));

export const SubmitBody = ProofSchema;

export const BlockBody = z.strictObject({
  reason: z.string().meta({ description: "Why the packet is blocked; shown to the reviewer and logged." }),
});
export const FeedbackTickBody = z.strictObject({
  number: z.number().int().min(1).meta({ description: "The checklist item's number, 1 for the first list item of the feedback." }),
  done: z.boolean().default(true).meta({ description: "true marks it done, false open again." }),
});
export const UnblockBody = z.strictObject({ reason: z.string().optional().meta({ description: "What removed the blocker." }) });

export const LogBody = z.strictObject({
  module: z.number().int().min(1),
  summary: z.string().meta({ description: "What changed." }),
  evidence: z.string().optional().meta({ description: "Artifact paths or evidence item keys." }),
  risks: z.string().optional(),
  next: z.string().optional().meta({ description: "The next action." }),
});

export const ReviewBody = z.strictObject({
  verdict: z.enum(["accept", "reject"]),
  scores: RubricScoresSchema,
  remarks: z.record(z.string(), z.string()).optional(),
  feedback: z.string().optional().meta({ description: "Required to reject: actionable feedback." }),
  evidenceSeen: z.array(z.string()).optional().meta({ description: "Ids of the evidence versions the reviewer looked at." }),
});

export const RescoreBody = z.strictObject({
  scores: RubricScoresSchema,
  remarks: z.record(z.string(), z.string()).optional(),
  note: z.string().meta({ description: "Why the scores change." }),
});

// ── answers ──

const dateTime = z.iso.datetime();
const Scores = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().int()])) as Record<(typeof DIMENSIONS)[number], z.ZodNumber>,
);

export const LearnerInfo = z.object({
  id: z.string(),
  name: z.string(),
  program: z.string(),
  soloMode: z.boolean(),
  timeZone: z.string().meta({
    description:
      "The IANA time zone of the person the profile belongs to: their days and weeks fall in it. Timestamps stay ISO 8601 in UTC.",
    example: "Europe/Berlin",
  }),
  via: z.enum(["token", "session"]).meta({ description: "How this request was authenticated." }),
});

export const PacketSummary = z.object({
  module: z.number().int(),
  slug: z.string(),
  title: z.string(),
  status: StatusSchema,
  packetId: z.string().nullable(),
  attempt: z.number().int().nullable(),
  blockedReason: z.string().nullable(),
  awaitingRework: z.boolean().meta({ description: "Rejected by the reviewer and back in progress." }),
  imported: z.boolean().meta({
    description: "Completed by a verdict given in another install: the profile was imported, this attempt was not reviewed here.",
  }),
  startedAt: dateTime.nullable(),
  submittedAt: dateTime.nullable(),
  completedAt: dateTime.nullable(),
});

export const NextStepAnswer = z.object({
  kind: z.enum(["continue", "rework", "redrill", "wait", "unblock", "start", "done"]),
  module: z.number().int().nullable(),
  text: z.string(),
  command: z.string().nullable().meta({ description: "The CLI command that takes this step, if there is one." }),
});

export const ProgramAnswer = z.object({
  learner: LearnerInfo,
  program: z.object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    planId: z.string(),
    domain: z.string(),
    owner: z.string(),
    passThreshold: z.object({ minEach: z.number(), minAverage: z.number() }),
    modules: z.array(
      z.object({
        number: z.number().int(),
        slug: z.string(),
        title: z.string(),
        prerequisites: z.array(z.number().int()),
        hours: z.object({ min: z.number(), max: z.number() }),
        exercises: z.number().int(),
        url: z.string(),
      }),
    ),
  }),
});

export const ModuleAnswer = z.object({
  module: z.object({
    number: z.number().int(),
    slug: z.string(),
    title: z.string(),
    url: z.string(),
    prerequisites: z.array(z.number().int()),
    outcomes: z.array(z.string()),
    artifacts: z.array(z.string()),
    exitTicket: z.array(z.object({ question: z.number().int(), text: z.string() })),
    drills: z.array(
      z.object({
        id: z.string(),
        level: z.string(),
        title: z.string(),
        prompt: z.string(),
        timebox: z.object({ reps: z.number(), minutes: z.number() }).nullable(),
      }),
    ),
    exercises: z.array(
      z.object({
        slug: z.string(),
        number: z.number().int(),
        title: z.string(),
        difficulty: z.string(),
        minutes: z.number(),
        successCriteria: z.array(z.string()),
        checks: z
          .array(
            z.object({
              id: z.string(),
              criterion: z.number().int().meta({ description: "The success criterion it backs, numbered from 1." }),
              proves: z.string(),
              run: z
                .string()
                .meta({ description: "Run as bash -c in the practice repository, with the kit's folder as MASTERY_KIT; exit 0 passes." }),
              requires: z.array(z.string()).meta({ description: "Commands that must be on PATH." }),
              timeoutSeconds: z.number().int(),
            }),
          )
          .meta({ description: "Machine checks `mastery check` runs on the learner's machine." }),
      }),
    ),
  }),
  packet: PacketSummary,
});

export const EvidenceItem = z.object({
  id: z.string(),
  itemKey: z.string(),
  version: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  fileType: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  sha256: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable().meta({ description: "Drill, exercise or exit-ticket details." }),
  actor: z.object({ kind: z.string(), label: z.string() }),
  createdAt: dateTime,
});

export const EvidenceAnswer = z.object({ evidence: EvidenceItem });

export const KitAnswer = z.object({
  program: z.string(),
  files: z.array(
    z.object({
      path: z.string().meta({ description: "Relative to the kit: files/… go into the practice repository, checks/… are run by checks." }),
      executable: z.boolean(),
      size: z.number().int(),
      sha256: z.string(),
      contentBase64: z.string(),
    }),
  ),
});

export const PacketAnswer = z.object({ packet: PacketSummary });

export const PacketDetailAnswer = z.object({
  packet: PacketSummary,
  evidence: z.array(z.object({ itemKey: z.string(), versions: z.number().int(), latest: EvidenceItem })),
  proof: z.record(z.string(), z.unknown()).nullable().meta({ description: "The latest completion proof submitted." }),
});

const ChecklistItem = z.object({ number: z.number().int(), text: z.string(), done: z.boolean() });
export const ChecklistAnswer = z.object({ checklist: z.array(ChecklistItem) });

export const FeedbackAnswer = z.object({
  packet: PacketSummary,
  timeZone: z
    .string()
    .meta({ description: "The person's IANA time zone, for showing the timestamps below on their clock.", example: "Europe/Berlin" }),
  reviews: z.array(
    z.object({
      id: z.string(),
      verdict: z.enum(["accept", "reject", "rescore", "self-review"]),
      reviewer: z.string(),
      scores: Scores,
      remarks: z.record(z.string(), z.string()),
      feedback: z.string(),
      checklist: z.array(ChecklistItem).meta({ description: "A request for changes' list items, with the ones the learner marked done." }),
      remediation: z
        .object({
          dimensions: z.array(z.string()),
          drills: z.array(z.object({ id: z.string(), title: z.string(), level: z.string() })),
          failureModes: z.array(z.object({ symptom: z.string(), cause: z.string(), fix: z.string() })),
        })
        .nullable(),
      createdAt: dateTime,
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      evidenceItemKey: z.string(),
      body: z.string(),
      author: z.string(),
      createdAt: dateTime,
      resolution: z.object({ note: z.string(), createdAt: dateTime }).nullable(),
    }),
  ),
});

export const LogEntry = z.object({
  id: z.string(),
  createdAt: dateTime,
  module: z.number().int(),
  status: z.enum(STATUSES),
  summary: z.string(),
  evidence: z.string(),
  risks: z.string(),
  next: z.string(),
  actor: z.string(),
  text: z.string().meta({ description: "The entry in the plan's log format." }),
});

export const LogAnswer = z.object({
  entries: z.array(LogEntry).meta({ description: "Oldest first." }),
  next: z.string().nullable().meta({ description: "Pass as after for the entries that follow; null when these are the newest." }),
  previous: z.string().nullable().meta({ description: "Pass as before for the entries that precede; null when these are the oldest." }),
});
export const LogEntryAnswer = z.object({ entry: LogEntry });

export const ReviewAnswer = z.object({ review: z.object({ id: z.string(), verdict: z.string(), createdAt: dateTime }) });

export const SearchAnswer = z.object({
  query: z.string(),
  results: z.array(z.record(z.string(), z.unknown())),
  tookMs: z.number(),
});

export const ErrorAnswer = z.object({
  error: z.object({
    code: z.string().meta({ description: "A machine-readable code, e.g. invalid, unauthenticated, reviewer-only, one-at-a-time." }),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "One message per field that needs attention." }),
    missing: z.array(z.string()).optional(),
  }),
});

export const PacketsAnswer = z.object({ learner: LearnerInfo, packets: z.array(PacketSummary), next: NextStepAnswer });
export const NextAnswer = z.object({
  next: NextStepAnswer,
  packet: PacketSummary.nullable().meta({ description: "The packet the step is about, if any." }),
});
export const OpenApiAnswer = z.record(z.string(), z.unknown()).meta({ description: "An OpenAPI 3.1 document." });
