// Who acts, and the one rule for acting on a learner profile: recorded as provenance on every
// artifact and transition, and checked before every learner write.
import { AppError } from "../errors";

/** A person as a learner or reviewer, or an API token acting for the one learner profile it belongs to. */
export type Actor =
  | { kind: "learner"; userId: string; label: string }
  | { kind: "agent"; tokenId: string; learnerId: string; label: string }
  | { kind: "reviewer"; userId: string; label: string };

/** The narrow view of a learner profile the access rule needs. */
export type LearnerRef = { id: string; ownerId: string };

/** The id recorded as `actorId`: the person's user id, or the token's id. */
function actorId(actor: Actor): string {
  return actor.kind === "agent" ? actor.tokenId : actor.userId;
}

/** The provenance columns of a row an actor writes. */
export function provenance(actor: Actor): { actorKind: Actor["kind"]; actorId: string; actorLabel: string } {
  return { actorKind: actor.kind, actorId: actorId(actor), actorLabel: actor.label };
}

/** Whether the actor works on this learner profile: its owner as a learner, or a token of that profile. */
function actsFor(actor: Actor, learner: LearnerRef): boolean {
  if (actor.kind === "learner") return actor.userId === learner.ownerId;
  if (actor.kind === "agent") return actor.learnerId === learner.id;
  return false;
}

/**
 * A learner works on their own profile; an agent only through a token of that profile; a
 * reviewer reads a learner's work and decides on it but never writes it as the learner.
 */
export function assertActsFor(actor: Actor, learner: LearnerRef): void {
  if (actsFor(actor, learner)) return;
  if (actor.kind === "reviewer") {
    throw new AppError("forbidden", "Reviewers read a learner's work; only the learner or their agent changes it.", {}, "learner-only");
  }
  throw new AppError(
    "forbidden",
    actor.kind === "agent" ? "This token does not belong to this learner profile." : "You can only work on your own learner profile.",
  );
}
