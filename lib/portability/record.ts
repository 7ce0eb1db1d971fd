// The learning record as a human-readable Markdown bundle: a progress overview, one file per
// module with every packet attempt (evidence versions, completion proofs, reviews with rubric
// scores, comments) and the whole plan log. Deterministic for the same data.
import { getProgram } from "../content";
import { db } from "../db";
import { formatLog } from "../log/format";
import { IMPORTED_COMPLETION, isImportedCompletion } from "../packets/imported";
import { packetDetail, type PacketDetail } from "../packets/queries";
import { DIMENSION_LABELS, DIMENSIONS } from "../rubric/rubric";
import { formatMoment } from "../time/zone";

export type RecordFiles = Record<string, string>;

/** A moment on the learner's clock, or a dash. */
type When = (date: Date | null) => string;
const cell = (value: string) =>
  value
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ")
    .trim() || "—";
const quote = (text: string) =>
  text.trim() === ""
    ? "> (empty)"
    : text
        .trimEnd()
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n");

function evidenceSection(detail: PacketDetail, when: When): string[] {
  if (detail.items.length === 0) return ["No evidence."];
  return detail.items.flatMap(({ versions }) =>
    versions.map((row) => {
      const data = row.data;
      const heading = `#### ${row.title} (${row.kind}, version ${row.version}, ${when(row.createdAt)}, by ${row.actorLabel})`;
      const body =
        row.kind === "file"
          ? `File \`${row.fileName}\` (${row.fileSize} bytes, sha256 ${row.sha256}).`
          : [
              row.url ? `<${row.url}>` : "",
              row.body ? quote(row.body) : "",
              data ? `\`\`\`json\n${JSON.stringify(data, null, 2)}\n\`\`\`` : "",
            ]
              .filter(Boolean)
              .join("\n\n") || "(empty)";
      return `${heading}\n\n${body}`;
    }),
  );
}

function reviewSection(detail: PacketDetail, when: When): string[] {
  if (detail.reviews.length === 0) return ["No reviews."];
  return detail.reviews.map((review) => {
    const rows = DIMENSIONS.map((d) => `| ${DIMENSION_LABELS[d]} | ${review.scoresParsed[d]} | ${cell(review.remarksParsed[d] ?? "")} |`);
    return [
      `#### ${review.verdict} by ${review.reviewerName}, ${when(review.createdAt)}${review.importedAt ? ` (${IMPORTED_COMPLETION})` : ""}`,
      "",
      "| Dimension | Score | Remark |",
      "|---|---|---|",
      ...rows,
      ...(review.feedback.trim() ? ["", quote(review.feedback)] : []),
    ].join("\n");
  });
}

function attemptSection(detail: PacketDetail, when: When): string {
  const { packet } = detail;
  const proofs = detail.proofs.map(
    (p) =>
      `- ${when(p.createdAt)} by ${p.actorLabel}: validation ${p.proof.validationStatus}, drills ${p.proof.drillStatus}; risks: ${cell(p.proof.risks)}`,
  );
  const comments = detail.comments.map(
    (c) => `- ${when(c.createdAt)} ${c.authorName}: ${cell(c.body)}${c.resolution ? ` — resolved: ${cell(c.resolution.note)}` : " — open"}`,
  );
  return [
    `## Attempt ${packet.attempt}: ${packet.status}${isImportedCompletion(packet) ? ` (${IMPORTED_COMPLETION})` : ""}`,
    "",
    `Started ${when(packet.startedAt)} · submitted ${when(packet.submittedAt)} · completed ${when(packet.completedAt)}${packet.blockedReason ? ` · blocked: ${cell(packet.blockedReason)}` : ""}`,
    "",
    "### Evidence",
    "",
    ...evidenceSection(detail, when).flatMap((block) => [block, ""]),
    "### Completion proofs",
    "",
    ...(proofs.length ? proofs : ["None."]),
    "",
    "### Reviews",
    "",
    ...reviewSection(detail, when).flatMap((block) => [block, ""]),
    "### Review comments",
    "",
    ...(comments.length ? comments : ["None."]),
    "",
  ].join("\n");
}

/** The bundle's files by path, for one learner profile. */
export async function learningRecordFiles(learnerId: string, now = new Date()): Promise<RecordFiles> {
  const client = await db();
  const { owner, ...learner } = await client.learner.findUniqueOrThrow({
    where: { id: learnerId },
    include: { owner: { select: { timeZone: true } } },
  });
  const when: When = (date) => (date ? formatMoment(date, owner.timeZone) : "—");
  const program = getProgram(learner.programSlug);
  const packets = await client.packet.findMany({
    where: { learnerId },
    orderBy: [{ moduleNumber: "asc" }, { attempt: "asc" }],
    select: { id: true },
  });
  const details = (await Promise.all(packets.map((p) => packetDetail(p.id)))).filter((d): d is PacketDetail => d !== null);
  const log = await client.planLogEntry.findMany({ where: { learnerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const modules = program?.modules.map((mod) => ({ number: mod.meta.number, title: mod.meta.title, slug: mod.slug })) ?? [];
  for (const detail of details) {
    const number = detail.packet.moduleNumber;
    if (!modules.some((m) => m.number === number)) modules.push({ number, title: `Module ${number}`, slug: `module-${number}` });
  }
  const fileOf = (m: { number: number; slug: string }) => `modules/${String(m.number).padStart(2, "0")}-${m.slug}.md`;

  const files: RecordFiles = {};
  const overview = modules.map((m) => {
    const attempts = details.filter((d) => d.packet.moduleNumber === m.number);
    const latest = attempts.at(-1)?.packet;
    return `| [${m.number}. ${cell(m.title)}](${fileOf(m)}) | ${latest?.status ?? "pending"}${latest && isImportedCompletion(latest) ? ` (${IMPORTED_COMPLETION})` : ""} | ${attempts.length} | ${when(latest?.completedAt ?? null)} |`;
  });
  files["README.md"] = [
    `# Learning record: ${learner.name}`,
    "",
    `Program: ${program?.meta.title ?? learner.programSlug} · exported ${when(now)}`,
    "",
    `Completed modules: ${modules.filter((m) => details.some((d) => d.packet.moduleNumber === m.number && d.packet.status === "completed")).length} of ${modules.length}`,
    "",
    "| Module | Status | Attempts | Completed |",
    "|---|---|---|---|",
    ...overview,
    "",
    "The plan log is in [log.md](log.md).",
    "",
  ].join("\n");
  for (const m of modules) {
    const attempts = details.filter((d) => d.packet.moduleNumber === m.number);
    if (attempts.length === 0) continue;
    files[fileOf(m)] = [`# Module ${m.number}: ${m.title}`, "", ...attempts.map((detail) => attemptSection(detail, when))].join("\n");
  }
  files["log.md"] = `# Plan log: ${learner.name}\n\n\`\`\`text\n${formatLog(log)}\`\`\`\n`;
  return files;
}
