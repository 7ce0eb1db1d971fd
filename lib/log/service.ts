// Appending to and reading the plan log; entries are never changed (the table refuses it).
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { Status } from "../packets/transitions";
import { formatLog } from "./format";
import type { Actor } from "../auth/actor";

type Tx = Prisma.TransactionClient;

export type NewLogEntry = {
  learnerId: string;
  moduleNumber: number;
  status: Status;
  summary: string;
  evidence?: string;
  risks?: string;
  next?: string;
  actor: Actor;
};

function actorDescription(actor: Actor): string {
  return actor.kind === "agent" ? `agent:${actor.label}` : `${actor.kind}:${actor.label}`;
}

export async function appendLogEntry(tx: Tx, entry: NewLogEntry) {
  return tx.planLogEntry.create({
    data: {
      learnerId: entry.learnerId,
      moduleNumber: entry.moduleNumber,
      status: entry.status,
      summary: entry.summary,
      evidence: entry.evidence ?? "",
      risks: entry.risks ?? "",
      next: entry.next ?? "",
      actorKind: entry.actor.kind,
      actorLabel: actorDescription(entry.actor),
    },
  });
}

export type LogFilter = { learnerId: string; moduleNumber?: number; status?: Status };

export async function listLogEntries(filter: LogFilter) {
  const client = await db();
  return client.planLogEntry.findMany({
    where: { learnerId: filter.learnerId, moduleNumber: filter.moduleNumber, status: filter.status },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function logAsText(filter: LogFilter): Promise<string> {
  return formatLog(await listLogEntries(filter));
}
