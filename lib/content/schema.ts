// The zod schemas of program, module and exercise frontmatter (the format of content/README.md).
import { z } from "zod";
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from "../rubric/dimensions";
import { count } from "../ui/plural";

const DimensionSchema = z.enum(DIMENSIONS);
export { DIMENSION_LABELS, DIMENSIONS, type Dimension };

const LEVELS = ["easy", "medium", "hard"] as const;
const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const PATTERN_CATEGORIES = ["speed", "quality", "debugging", "planning", "architecture"] as const;
export const PLAYBOOK_KINDS = ["quick-reference", "scenario", "checklist", "decision-tree"] as const;
export type PlaybookKind = (typeof PLAYBOOK_KINDS)[number];

const text = z.string().trim().min(1, "must not be empty");
const textList = (min: number, max?: number) => {
  const expected = max === undefined ? `expected at least ${count(min, "item")}` : `expected ${min}–${max} items`;
  return z.array(text).min(min, expected).max(max ?? Number.MAX_SAFE_INTEGER, expected);
};

const HoursSchema = z
  .object({ min: z.number().positive(), max: z.number().positive() })
  .refine((hours) => hours.max >= hours.min, { message: "max must be at least min", path: ["max"] });

export const ProgramSchema = z.object({
  title: text,
  summary: text,
  template: z.boolean().default(false),
  default: z.boolean().default(false),
  metadata: z.object({
    planId: text,
    domain: text,
    audience: text,
    timeBudget: text,
    deliveryMode: z.enum(["self-paced", "cohort", "blended"]).or(text),
    primaryTools: textList(1),
    constraints: textList(1),
    owner: text,
    executionMode: z.literal("asynchronous", { error: 'expected "asynchronous"' }),
  }),
  endState: z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, text])) as Record<Dimension, typeof text>),
  capabilities: textList(4, 8),
  rubric: z.object({
    passThreshold: z
      .object({ minEach: z.number().int().min(1).max(5), minAverage: z.number().min(1).max(5) })
      .default({ minEach: 3, minAverage: 4 }),
    remediationTrigger: text,
  }),
  timeline: z.object({
    minWeeks: z.number().int().positive(),
    maxWeeks: z.number().int().positive(),
    modulesPerWeek: z.object({ min: z.number().positive(), max: z.number().positive() }),
    milestones: z
      .array(
        z.object({
          fromWeek: z.number().int().positive(),
          toWeek: z.number().int().positive(),
          modules: z.array(z.number().int().positive()).min(1),
          label: text,
        }),
      )
      .min(1),
  }),
  successMetrics: z.object({
    modules: z.number().int().positive(),
    exercises: z.number().int().positive(),
    patterns: z.number().int().nonnegative(),
    hours: HoursSchema,
    playbook: z.boolean(),
    qualitative: textList(1),
    behavioral: textList(1),
  }),
  phases: z.array(z.object({ name: text, description: text })).min(1),
});
export type ProgramMeta = z.infer<typeof ProgramSchema>;

export const SECTION_HEADINGS = {
  purpose: "Purpose",
  concepts: "Key concepts",
  workflow: "Workflow",
  assessment: "Mini-assessment",
  "break-fix": "Break/fix drill",
  timebox: "Time-boxed drill",
  "decision-framework": "Decision framework",
  "review-checklist": "Review checklist",
  "recovery-tree": "Recovery decision tree",
  "incident-drill": "Incident drill",
  "rescue-drill": "Rescue drill",
  "dual-track": "Dual track",
  capstone: "Capstone",
} as const;
export type SectionId = keyof typeof SECTION_HEADINGS;
export const REQUIRED_MODULE_SECTIONS: SectionId[] = ["purpose", "concepts", "workflow", "assessment"];
const SectionIdSchema = z.enum(Object.keys(SECTION_HEADINGS) as [SectionId, ...SectionId[]]);

const DrillSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id"),
  level: LevelSchema,
  title: text,
  prompt: text,
  dimensions: z.array(DimensionSchema).min(1),
  timebox: z.object({ reps: z.number().int().positive(), minutes: z.number().positive() }).optional(),
  /** The number of the module's exercise that already does this drill; its time is not counted twice. */
  satisfiedBy: z.number().int().positive().optional(),
});

const levelOrder = (items: { level: Level }[]) =>
  items.every((item, i) => i === 0 || LEVELS.indexOf(item.level) >= LEVELS.indexOf(items[i - 1]!.level));

export const ModuleSchema = z
  .object({
    number: z.number().int().positive(),
    title: text,
    hours: HoursSchema,
    /** Minutes the mini-assessment takes; the hours estimate counts them. */
    assessmentMinutes: z.number().int().positive().optional(),
    prerequisites: z.array(z.number().int().positive()).default([]),
    topics: textList(1),
    outcomes: textList(3, 7),
    failureModes: z
      .array(z.object({ symptom: text, cause: text, fix: text, dimension: DimensionSchema }))
      .min(3, "expected at least 3 failure modes"),
    drills: z
      .array(DrillSchema)
      .min(3, "expected at least 3 drills")
      .refine(levelOrder, "drills must go easy → medium → hard")
      .refine((drills) => LEVELS.every((level) => drills.some((d) => d.level === level)), {
        message: "expected at least one easy, one medium and one hard drill",
      })
      .refine((drills) => new Set(drills.map((d) => d.id)).size === drills.length, "drill ids must be unique"),
    exitTicket: z.array(text).length(3, "expected exactly 3 questions or tasks"),
    artifacts: textList(1),
    patterns: z
      .array(z.object({ name: text, category: text, summary: text }))
      .min(2, "expected 2–4 patterns")
      .max(4, "expected 2–4 patterns"),
    playbook: z.array(z.object({ kind: z.enum(PLAYBOOK_KINDS), title: text, summary: text })).min(1),
    sections: z
      .array(SectionIdSchema)
      .refine((ids) => REQUIRED_MODULE_SECTIONS.every((id) => ids.includes(id)), {
        message: `must include ${REQUIRED_MODULE_SECTIONS.join(", ")}`,
      }),
  })
  .refine((m) => !m.sections.includes("timebox") || m.drills.some((d) => d.timebox), {
    message: "a module with a time-boxed drill section needs a drill with a timebox",
    path: ["drills"],
  });
export type ModuleMeta = z.infer<typeof ModuleSchema>;

export const EXERCISE_SECTIONS = {
  context: "Context",
  steps: "Steps",
  hints: "Hints",
  solution: "Solution discussion",
  reflection: "Reflection questions",
} as const;
export type ExerciseSectionId = keyof typeof EXERCISE_SECTIONS;

// A machine check of an exercise: a shell command that `mastery check` runs in the learner's practice
// repository (never on the server). It backs one success criterion (1-based); the kit's files are at
// $MASTERY_KIT while it runs. A tool in `requires` that is not on PATH fails the check as "missing tool".
const CheckSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected kebab-case, like tests-fail-first"),
  criterion: z.number().int().positive(),
  proves: text,
  run: text,
  requires: z.array(z.string().regex(/^[\w.+-]+$/, "expected a command name")).default([]),
  timeoutSeconds: z.number().int().min(1).max(600).default(60),
});

export const ExerciseSchema = z
  .object({
    module: z.number().int().positive(),
    number: z.number().int().positive(),
    title: text,
    difficulty: LevelSchema,
    minutes: z.number().int().positive(),
    objectives: textList(1),
    successCriteria: textList(1),
    dimensions: z.array(DimensionSchema).default([]),
    checks: z.array(CheckSchema).default([]),
  })
  .superRefine((exercise, ctx) => {
    const seen = new Set<string>();
    exercise.checks.forEach((check, index) => {
      if (seen.has(check.id)) ctx.addIssue({ code: "custom", path: ["checks", index, "id"], message: `duplicate check id "${check.id}"` });
      seen.add(check.id);
      if (check.criterion > exercise.successCriteria.length) {
        ctx.addIssue({
          code: "custom",
          path: ["checks", index, "criterion"],
          message: `criterion ${check.criterion} does not exist: the exercise has ${exercise.successCriteria.length} success criteria`,
        });
      }
    });
  });
export type ExerciseMeta = z.infer<typeof ExerciseSchema>;
