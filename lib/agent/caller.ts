// Who is calling the API: an API token acting as its learner profile, or the browser session of
// a signed-in person (as their current learner profile, or as a reviewer on reviewer endpoints).
import { ownLearner } from "../auth/access";
import type { Actor } from "../auth/actor";
import { currentUser, requireUser } from "../auth/session";
import { getProgram, type Program } from "../content";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { authenticateToken } from "./tokens";

export type LearnerCaller = {
  via: "token" | "session";
  actor: Actor;
  learner: Prisma.LearnerGetPayload<object>;
  /** The time zone of the person the learner profile belongs to. */
  zone: string;
  program: Program;
};

export type ReviewerCaller = { actor: Extract<Actor, { kind: "reviewer" }> };

const BEARER = /^Bearer\s+(\S+)$/i;

function programOf(learner: { programSlug: string }): Program {
  const program = getProgram(learner.programSlug);
  if (!program)
    throw new AppError("not-found", `The program ${learner.programSlug} is not available on this install.`, {}, "program-unavailable");
  return program;
}

/** A browser session may write only from this app's own pages. */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (request.method === "GET" || origin === null) return;
  if (!URL.canParse(origin) || new URL(origin).host !== request.headers.get("host")) {
    throw new AppError("forbidden", "Cross-site requests with a browser session are refused; use an API token.", {}, "cross-site");
  }
}

export async function learnerCaller(request: Request): Promise<LearnerCaller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const secret = BEARER.exec(authorization.trim())?.[1];
    if (!secret) throw new AppError("unauthenticated", "Send the token as Authorization: Bearer <token>.", {}, "invalid-authorization");
    const token = await authenticateToken(secret);
    return {
      via: "token",
      actor: { kind: "agent", tokenId: token.id, learnerId: token.learner.id, label: token.name },
      learner: token.learner,
      zone: token.learner.owner.timeZone,
      program: programOf(token.learner),
    };
  }
  const signedIn = await currentUser();
  if (!signedIn) throw new AppError("unauthenticated", "Send an API token (Authorization: Bearer <token>) or sign in first.");
  assertSameOrigin(request);
  const learner = await ownLearner(signedIn);
  return { via: "session", actor: signedIn.asLearner, learner, zone: signedIn.user.timeZone, program: programOf(learner) };
}

/** Review decisions need a signed-in reviewer in a browser: an API token is always refused. */
export async function reviewerCaller(request: Request): Promise<ReviewerCaller> {
  if (request.headers.has("authorization")) {
    throw new AppError(
      "forbidden",
      "API tokens act for a learner and can never accept, reject or rescore: a reviewer signs in to do that.",
      {},
      "reviewer-only",
    );
  }
  const signedIn = await requireUser("reviewer");
  assertSameOrigin(request);
  return { actor: { kind: "reviewer", userId: signedIn.user.id, label: signedIn.user.name } };
}
