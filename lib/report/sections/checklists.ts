// Sections 5–8 of the status update: tests and gates, the reproducibility checklist, deferred
// items and the error-capture blocks of blocked packets.
import { formatMoment } from "../../time/zone";
import { IMPORTED_COMPLETION } from "../../packets/imported";
import { type DrillAttempt, drillAttempt } from "../../packets/evidence-data";
import { ProofSchema } from "../../packets/proof";
import { redrillText } from "../../redrill/triggers";
import { latestVerdict } from "../../reviews/history";
import { DIMENSION_LABELS } from "../../rubric/rubric";
import type { ModuleAudit } from "../module-audit";
import { noData, oneLine, plural, table } from "../markdown";
import { type Context, moduleName } from "./context";
import { count } from "../../ui/plural";

export function testsAndGates(ctx: Context): string[] {
  const rows: string[][] = [];
  for (const a of ctx.audits) {
    for (const proofRow of a.packet?.proofs ?? []) {
      const proof = ProofSchema.parse(proofRow.data);
      const when = formatMoment(proofRow.createdAt, ctx.snapshot.zone);
      rows.push([
        proof.validationDetail,
        `Build/validation gate of module ${a.mod.meta.number} (proof of ${when})`,
        proof.validationStatus,
        DIMENSION_LABELS.correctness,
      ]);
      rows.push([
        proof.drillDetail,
        `Test/drill gate of module ${a.mod.meta.number} (proof of ${when})`,
        proof.drillStatus,
        `${DIMENSION_LABELS.speed}, ${DIMENSION_LABELS.resilience}`,
      ]);
    }
    const drills = (a.packet?.work ?? []).filter((e) => e.kind === "drill");
    for (const row of drills) {
      const data: Partial<DrillAttempt> = drillAttempt(row.data) ?? {};
      const drill = a.mod.meta.drills.find((d) => d.id === data.drillId);
      const seconds = data.seconds ?? 0;
      const output = `${count(data.reps ?? 0, "rep")} in ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}; ${data.passed ? "met the standard" : "did not meet the standard"}${
        data.withinTimebox === true ? "; within the time box" : data.withinTimebox === false ? "; over the time box" : ""
      }`;
      rows.push([
        `drill ${data.drillId ?? "?"} (${formatMoment(row.createdAt, ctx.snapshot.zone)})`,
        drill ? `Module ${a.mod.meta.number} ${drill.level} drill: ${drill.title}` : `Module ${a.mod.meta.number} drill`,
        output,
        drill ? drill.dimensions.map((d) => DIMENSION_LABELS[d]).join(", ") : "—",
      ]);
    }
  }
  for (const item of ctx.snapshot.redrill.items) {
    const text = redrillText(ctx.snapshot.program, item)!;
    for (const result of item.results) {
      rows.push([
        `re-drill ${item.key} (${formatMoment(result.at, ctx.snapshot.zone)})`,
        `Spaced re-drill: ${text.title}`,
        result.passed ? "passed" : "failed",
        item.reasons.join("; "),
      ]);
    }
  }
  return [
    "5. **Local Tests & Gates**",
    "",
    "The gates of each completion proof, every drill attempt and every re-drill; coverage names the rubric dimensions they evidence.",
    "",
    rows.length > 0
      ? table(["Command", "Purpose", "Example Output", "ML Test Score Coverage"], rows)
      : table(
          ["Command", "Purpose", "Example Output", "ML Test Score Coverage"],
          [["No data", "no completion proof, drill attempt or re-drill recorded yet", "—", "—"]],
        ),
  ];
}

export function reproducibility(ctx: Context): string[] {
  const { snapshot } = ctx;
  const items = snapshot.packets.flatMap((p) => p.items);
  const versions = items.reduce((sum, item) => sum + item.versions, 0);
  const files = items.reduce((sum, item) => sum + item.files, 0);
  const proofs = snapshot.packets.flatMap((p) => p.proofs);
  const claims = proofs.reduce((sum, p) => sum + ProofSchema.parse(p.data).claims.length, 0);
  const submitted = snapshot.packets.filter((p) => p.submittedAt).length;
  const completed = ctx.audits.filter((a) => a.standing.status === "completed");
  const untimed = completed.filter((a) => !snapshot.time.totals.byModule.get(a.mod.meta.number));
  const selfReviewed = completed.filter((a) => latestVerdict(a.packet?.reviews ?? [])?.verdict === "self-review");
  const imported = completed.filter((a) => a.standing.imported);
  const unreviewed = [
    ...(selfReviewed.length > 0 ? [`self-reviewed in solo mode: module ${selfReviewed.map((a) => a.mod.meta.number).join(", ")}`] : []),
    ...(imported.length > 0 ? [`${IMPORTED_COMPLETION}: module ${imported.map((a) => a.mod.meta.number).join(", ")}`] : []),
  ];
  const rows: string[][] = [
    [
      "Evidence versioned, never overwritten",
      versions > 0 ? "✅ done" : "➖ no data",
      versions > 0
        ? `${plural(items.length, "item")} in ${plural(versions, "version")}; the database refuses edits and deletes`
        : "no evidence recorded yet",
    ],
    [
      "Files checksummed",
      files > 0 ? "✅ done" : "➖ no data",
      files > 0 ? `${plural(files, "file")} stored by SHA-256` : "no file attached yet",
    ],
    [
      "Every claim backed by evidence",
      proofs.length > 0 ? "✅ done" : "➖ no data",
      proofs.length > 0
        ? `${plural(claims, "claim")} in ${plural(proofs.length, "proof")}, each pointing to existing evidence`
        : "no completion proof yet",
    ],
    [
      "A completion proof for every submission",
      proofs.length >= submitted ? "✅ done" : "⚠️ missing",
      `${plural(submitted, "attempt")} submitted, ${plural(proofs.length, "proof")} recorded`,
    ],
    [
      "Environment and history captured in the plan log",
      ctx.snapshot.log.entries > 0 ? "✅ done" : "➖ no data",
      `${plural(ctx.snapshot.log.entries, "entry", "entries")}, append-only; every start, block, submission and verdict is logged`,
    ],
    [
      "Time recorded for every completed module",
      completed.length === 0 ? "➖ no data" : untimed.length === 0 ? "✅ done" : "⚠️ missing",
      completed.length === 0
        ? "no module completed yet"
        : untimed.length === 0
          ? "every completed module has time entries"
          : `no time for module ${untimed.map((a) => a.mod.meta.number).join(", ")}`,
    ],
    [
      "Review gate: independent sign-off",
      completed.length === 0 ? "➖ no data" : unreviewed.length === 0 ? "✅ done" : "⚠️ flagged",
      completed.length === 0
        ? "no module completed yet"
        : unreviewed.length === 0
          ? "every completed module was accepted by a reviewer"
          : unreviewed.join("; "),
    ],
    [
      "Program content validated by the content check",
      ctx.problems.length === 0 ? "✅ done" : "⚠️ missing",
      ctx.problems.length === 0 ? "no placeholder, TODO or error" : plural(ctx.problems.length, "finding"),
    ],
    ["Results determinism", "✅ done", "this report is computed from stored rows only: the same data gives the same text"],
  ];
  return ["6. **Reproducibility Checklist**", "", table(["Item", "Status", "Notes"], rows)];
}

export function deferredItems(ctx: Context): string[] {
  const items: string[] = [];
  for (const a of ctx.audits) {
    if (a.proof && !/^(none|n\/a|-)\.?$/i.test(a.proof.followUps.trim())) {
      items.push(
        `${moduleName(a)} — follow-ups deferred at submission: ${oneLine(a.proof.followUps, 200)}. *Rationale:* the learner kept them out of the packet's scope; *plan:* pick them up in a later module or a re-drill.`,
      );
    }
  }
  for (const a of ctx.audits) {
    if (a.standing.status === "completed" && a.missingExercises.length > 0) {
      items.push(
        `${moduleName(a)} — completed without results for exercise ${a.missingExercises.join(", ")}. *Rationale:* not needed for the sign-off; *plan:* record them to count toward the exercise target.`,
      );
    }
  }
  for (const a of ctx.audits) {
    if (a.standing.status === "pending" && a.waitingFor.length > 0) {
      items.push(
        `${moduleName(a)} — waits for module ${a.waitingFor.join(", ")}. *Rationale:* it builds on them (learning path); *plan:* start it when they are completed.`,
      );
    }
  }
  for (const key of [...ctx.snapshot.waived].sort()) {
    const [moduleNumber, prerequisite] = key.split(":");
    items.push(
      `Module ${moduleNumber} — prerequisite module ${prerequisite} waived by a reviewer. *Rationale:* prior experience; *plan:* revisit module ${prerequisite} if the reviews show gaps.`,
    );
  }
  return [
    "7. **Deferred Items**",
    ...(items.length > 0
      ? items.map((i) => `   - ${i}`)
      : [`   - ${noData("nothing is deferred: no follow-ups, skipped exercises, locked modules or waivers.")}`]),
  ];
}

function errorCaptureBlock(ctx: Context, a: ModuleAudit): string[] {
  const packet = a.packet!;
  const last = ctx.snapshot.log.recent.find((e) => e.moduleNumber === a.mod.meta.number);
  return [
    ":::",
    `Question for ChatGPT @codex ${formatMoment(packet.updatedAt, ctx.snapshot.zone)}:`,
    `While performing [${a.mod.meta.number}:${a.mod.meta.title} work packet, attempt ${packet.attempt}], encountered the following error:`,
    oneLine(packet.blockedReason ?? "the packet is blocked without a recorded reason", 500),
    `Context: started ${packet.startedAt ? formatMoment(packet.startedAt, ctx.snapshot.zone) : "—"}; ${plural(a.standing.evidence.length, "evidence item")}; gaps: ${a.gaps.join("; ") || "none"}${
      last ? `; last log entry: ${oneLine(last.summary, 160)}` : ""
    }.`,
    "What are the possible causes, and how can this be resolved while preserving intended functionality?",
    ":::",
  ];
}

export function errorCapture(ctx: Context): string[] {
  const blocked = ctx.audits.filter((a) => a.standing.status === "blocked" && a.packet);
  return [
    "8. **Error Capture Blocks**",
    `   - ${blocked.length > 0 ? `${plural(blocked.length, "blocked packet")}: ${blocked.map(moduleName).join(", ")}.` : noData("no packet is blocked, so there is no error to capture.")}`,
    ...blocked.flatMap((a) => ["", ...errorCaptureBlock(ctx, a)]),
  ];
}
