// The cohort benchmark's people, written into the database `db()` points at: learners halfway
// through the bundled program (the large dataset's shape at a twentieth of its size: modules 1–3
// accepted, module 4 in progress or, for one learner in five, submitted and waiting for review),
// one reviewer per ten learners, an API token for every tenth learner's agent, and a signed-in
// session for every person. Seeding is incremental: `grow(n)` adds learners until there are n.
import { createApiToken } from "../../lib/agent/tokens";
import { hashPassphrase } from "../../lib/auth/passphrase";
import { getProgram } from "../../lib/content";
import { connection } from "../../lib/db";
import { noteVersions, proofOf, type SeedSize, seedLearnerHistory, sessionCookie } from "./seed";

/** One cohort learner's history: a twentieth of the large dataset. */
const COHORT_LEARNER: Pick<SeedSize, "logEntries" | "evidenceVersions" | "patterns" | "playbookEntries" | "plans"> = {
  logEntries: 500,
  evidenceVersions: 100,
  patterns: 50,
  playbookEntries: 15,
  plans: 2,
};
const LEARNERS_PER_REVIEWER = 10;
const LEARNERS_PER_AGENT = 10;
const QUEUED_EVERY = 5;
const DAY = 86_400_000;

type CohortLearner = {
  cookie: string;
  /** The learner's agent's API token, for every tenth learner. */
  token: string | null;
  /** Module 4 is in progress (writes go to it) or submitted and waiting in the review queue. */
  module4: "in_progress" | "review_required";
  packetId: string;
};
type CohortReviewer = { cookie: string };
export type Cohort = { learners: CohortLearner[]; reviewers: CohortReviewer[] };

/** A seeder that grows one cohort; `grow(n)` seeds learners (and their reviewers) up to n and returns everyone. */
export function cohortSeeder(secret: string, now = new Date()) {
  const cohort: Cohort = { learners: [], reviewers: [] };
  let passphraseHash: string | undefined;
  const reviewerUsers: { id: string; name: string }[] = [];
  const program = getProgram("codex-mastery")!;
  const module4 = program.modules[3]!;

  async function addReviewer() {
    const client = await connection();
    const name = `Cohort Reviewer ${reviewerUsers.length + 1}`;
    const user = await client.user.create({ data: { name, role: "reviewer", passphraseHash: passphraseHash! } });
    reviewerUsers.push(user);
    cohort.reviewers.push({ cookie: await sessionCookie(user, undefined, secret) });
  }

  async function addLearner(index: number) {
    const client = await connection();
    const name = `Cohort Learner ${index + 1}`;
    const start = new Date(now.getTime() - 20 * DAY);
    const user = await client.user.create({ data: { name, role: "learner", passphraseHash: passphraseHash! } });
    const learner = await client.learner.create({ data: { name, ownerId: user.id, programSlug: program.slug, createdAt: start } });
    const reviewer = reviewerUsers[Math.floor(index / LEARNERS_PER_REVIEWER)]!;
    await seedLearnerHistory(client, { user, reviewer, learnerId: learner.id }, COHORT_LEARNER, { completed: 3, start, seed: index + 1 });
    const queued = index % QUEUED_EVERY === QUEUED_EVERY - 1;
    const startedAt = new Date(start.getTime() + 18 * DAY);
    const packet = await client.packet.create({
      data: {
        learnerId: learner.id,
        moduleNumber: module4.meta.number,
        status: queued ? "review_required" : "in_progress",
        startedAt,
        submittedAt: queued ? new Date(startedAt.getTime() + DAY) : null,
        createdAt: startedAt,
      },
    });
    const by = { actorKind: "learner" as const, actorId: user.id, actorLabel: name };
    await client.evidence.createMany({
      data: noteVersions(packet.id, 6, by, (v) => ({
        title: `${module4.meta.title} notes`,
        body: `Finding ${v}\n- what changed\n- what it cost`,
        createdAt: new Date(startedAt.getTime() + v * 3_600_000),
      })),
    });
    if (queued)
      await client.completionProof.create({
        data: {
          packetId: packet.id,
          data: proofOf(module4.meta.number),
          ...by,
        },
      });
    const token =
      index % LEARNERS_PER_AGENT === 0 ? (await createApiToken(user.id, { learnerId: learner.id, name: "cohort agent" })).secret : null;
    cohort.learners.push({
      cookie: await sessionCookie(user, learner.id, secret),
      token,
      module4: queued ? "review_required" : "in_progress",
      packetId: packet.id,
    });
  }

  return async function grow(learners: number): Promise<Cohort> {
    passphraseHash ??= await hashPassphrase("cohort-passphrase-1");
    while (reviewerUsers.length < Math.ceil(learners / LEARNERS_PER_REVIEWER)) await addReviewer();
    for (let i = cohort.learners.length; i < learners; i++) await addLearner(i);
    return cohort;
  };
}
