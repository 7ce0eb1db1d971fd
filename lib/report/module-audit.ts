// One module's audit for the status update: its status in the template's terms, the artifacts
// the learner has, what is missing, the risks their proofs name, the smallest next step and how
// to roll back. Pure: read from a learner snapshot and the program's content problems.
import path from "node:path";
import type { ContentProblem, Module } from "../content";
import { type Proof, ProofSchema } from "../packets/proof";
import { type AuditStatus, auditStatus, capabilityModules, type ModuleStanding } from "../progress/capabilities";
import { dayKey, formatMoment } from "../time/zone";
import { latestVerdict } from "../reviews/history";
import type { LearnerSnapshot, SnapshotPacket } from "../progress/snapshot";
import { DEFAULT_THRESHOLD, DIMENSION_LABELS, DIMENSIONS } from "../rubric/rubric";
import { oneLine, plural } from "./markdown";

export type ModuleAudit = {
  mod: Module;
  standing: ModuleStanding;
  packet: SnapshotPacket | undefined;
  capability: string;
  status: AuditStatus;
  /** Prerequisites neither completed nor waived. */
  waitingFor: number[];
  rejected: boolean;
  proof: Proof | null;
  problems: ContentProblem[];
  missingExercises: string[];
  missingDrills: string[];
  unansweredExitTicket: number[];
  failing: string[];
  openComments: number;
  artifacts: string;
  gaps: string[];
  risks: string[];
  patchPlan: string;
  rollback: string;
};

/** The content problems in a module's file and its exercise folder. */
function moduleProblems(mod: Module, problems: readonly ContentProblem[]): ContentProblem[] {
  const exercises = path.join(path.dirname(path.dirname(mod.file)), "exercises", path.basename(mod.file, ".md")) + path.sep;
  return problems.filter((p) => {
    const file = path.resolve(p.file);
    return file === mod.file || file.startsWith(exercises);
  });
}

export function auditModules(snapshot: LearnerSnapshot, problems: readonly ContentProblem[]): ModuleAudit[] {
  const { program } = snapshot;
  const threshold = program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD;
  const groups = capabilityModules(
    program.meta.capabilities.length,
    program.modules.map((m) => m.meta.number),
  );
  const completed = new Set(snapshot.standings.filter((s) => s.status === "completed").map((s) => s.number));
  return program.modules.map((mod) => {
    const n = mod.meta.number;
    const standing = snapshot.standings.find((s) => s.number === n)!;
    const packet = snapshot.current.get(n);
    const own = moduleProblems(mod, problems);
    const status = auditStatus(standing.status, own.length > 0);
    const waitingFor = mod.meta.prerequisites.filter((p) => !completed.has(p) && !snapshot.waived.has(`${n}:${p}`));
    const verdict = latestVerdict(packet?.reviews ?? []);
    const rejected = standing.status === "in_progress" && verdict?.verdict === "reject";
    const proofRow = packet?.proofs.at(-1);
    const proof = proofRow ? ProofSchema.parse(proofRow.data) : null;
    const started = standing.status !== "pending";
    const missingExercises = started
      ? mod.exercises.filter((e) => !standing.exercisesDone.includes(e.slug)).map((e) => `${n}.${e.meta.number}`)
      : [];
    const tried = new Set(standing.drillAttempts.map((a) => a.drillId));
    const missingDrills = started ? mod.meta.drills.filter((d) => !tried.has(d.id)).map((d) => d.id) : [];
    const answered = new Set(standing.evidence.filter((e) => e.kind === "exit-ticket").map((e) => e.key));
    const unansweredExitTicket = started ? mod.meta.exitTicket.map((_, i) => i + 1).filter((q) => !answered.has(`exit-ticket-${q}`)) : [];
    const failing = standing.latest
      ? DIMENSIONS.filter((d) => standing.latest!.scores[d] < threshold.minEach).map(
          (d) => `${DIMENSION_LABELS[d]} ${standing.latest!.scores[d]}`,
        )
      : [];
    const openComments = packet?.comments.filter((c) => !c.resolution).length ?? 0;

    const gaps: string[] = [];
    if (!started) gaps.push(waitingFor.length > 0 ? `not started; waits for module ${waitingFor.join(", ")}` : "not started");
    if (own.length > 0) gaps.push(`${plural(own.length, "placeholder or stub", "placeholders or stubs")} in the content`);
    if (missingExercises.length > 0) gaps.push(`no result for exercise ${missingExercises.join(", ")}`);
    if (missingDrills.length > 0) gaps.push(`drills not attempted: ${missingDrills.join(", ")}`);
    if (unansweredExitTicket.length > 0) gaps.push(`exit ticket ${unansweredExitTicket.join(", ")} unanswered`);
    if (started && !proof) gaps.push("no completion proof yet");
    if (failing.length > 0) gaps.push(`below the pass minimum: ${failing.join(", ")}`);
    if (openComments > 0) gaps.push(`${plural(openComments, "open review comment")}`);

    const risks: string[] = [];
    if (standing.status === "blocked") risks.push(`blocked: ${oneLine(packet?.blockedReason ?? "no reason recorded")}`);
    if (rejected) risks.push(`rejected: ${oneLine(verdict!.feedback, 160)}`);
    if (proof && proof.validationStatus === "failing") risks.push("validation failing in the latest proof");
    if (proof && proof.drillStatus === "failing") risks.push("drills failing in the latest proof");
    if (proof && !/^(none|n\/a|-)\.?$/i.test(proof.risks.trim())) risks.push(`from the proof: ${oneLine(proof.risks, 200)}`);

    const patchPlan =
      standing.status === "completed"
        ? missingExercises.length > 0
          ? `None required; optionally record results for exercise ${missingExercises.join(", ")}.`
          : "None needed."
        : standing.status === "review_required"
          ? `Reviewer decides on the proof submitted ${packet?.submittedAt ? dayKey(packet.submittedAt, snapshot.zone) : "earlier"}.`
          : standing.status === "blocked"
            ? "Remove the blocker, then unblock the packet and continue."
            : rejected
              ? "Answer the review feedback item by item, add evidence versions, resubmit."
              : standing.status === "in_progress"
                ? `${gaps.length > 0 ? `Close the gaps (${gaps.join("; ")}), then s` : "S"}ubmit the completion proof.`
                : own.length > 0
                  ? `Fill the placeholders in ${plural(new Set(own.map((p) => p.file)).size, "file")}, then start the packet.`
                  : waitingFor.length > 0
                    ? `Complete module ${waitingFor.join(", ")} first, then start the packet.`
                    : "Start the packet.";
    const rollback =
      standing.status === "completed"
        ? "Accepted work stays as it is; a new attempt (restart) keeps this one intact."
        : started
          ? "Evidence is versioned: add a version that restores the earlier text, or restart as a new attempt; nothing is deleted."
          : "Nothing to roll back: no packet started.";
    const evidence = standing.evidence;
    const artifacts =
      evidence.length === 0
        ? "none yet"
        : `${plural(evidence.length, "evidence item")}: ${evidence
            .slice(0, 5)
            .map((e) => `${e.title} (${e.kind} v${e.version})`)
            .join(
              ", ",
            )}${evidence.length > 5 ? `, and ${evidence.length - 5} more` : ""}${proofRow ? `; proof of ${formatMoment(proofRow.createdAt, snapshot.zone)}` : ""}`;
    return {
      mod,
      standing,
      packet,
      capability: program.meta.capabilities[groups.findIndex((g) => g.includes(n))] ?? mod.meta.title,
      status,
      waitingFor,
      rejected,
      proof,
      problems: own,
      missingExercises,
      missingDrills,
      unansweredExitTicket,
      failing,
      openComments,
      artifacts,
      gaps,
      risks,
      patchPlan,
      rollback,
    };
  });
}
