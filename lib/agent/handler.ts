// The one wrapper every /api/v1 route handler goes through: authenticate, parse the path,
// query and body with the endpoint's zod schemas (unknown fields refused, sizes limited), run
// the handler, make writes with an Idempotency-Key replayable, and map every expected failure
// to a JSON error with a 4xx status.
import { z } from "zod";
import { AppError } from "../errors";
import { type LearnerCaller, learnerCaller, type ReviewerCaller, reviewerCaller } from "./caller";
import {
  type AnswerOf,
  type BodyOf,
  DEFAULT_MAX_BYTES,
  type EndpointSpec,
  isDocumentAnswer,
  type ParamsOf,
  type QueryOf,
} from "./endpoint";
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema, onceForKey, requestFingerprint } from "./idempotency";
import { bodyKind, parseJson, parseMultipart, queryObject, readBody } from "./request";

type CallerOf<S extends EndpointSpec> = S["auth"] extends "learner"
  ? LearnerCaller
  : S["auth"] extends "reviewer"
    ? ReviewerCaller
    : null;

export type Call<S extends EndpointSpec> = {
  caller: CallerOf<S>;
  params: ParamsOf<S>;
  query: QueryOf<S>;
  body: BodyOf<S>;
  request: Request;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw AppError.fromZod(parsed.error, `The ${where} has problems: see fields.`, where);
  return parsed.data;
}

async function callerFor(spec: EndpointSpec, request: Request): Promise<LearnerCaller | ReviewerCaller | null> {
  if (spec.auth === "learner") return learnerCaller(request);
  if (spec.auth === "reviewer") return reviewerCaller(request);
  return null;
}

async function bodyOf(spec: EndpointSpec, request: Request): Promise<unknown> {
  if (!spec.body) return undefined;
  const bytes = await readBody(request, spec.maxBytes ?? DEFAULT_MAX_BYTES);
  const contentType = request.headers.get("content-type");
  const kind = bodyKind(contentType);
  if (bytes.byteLength === 0 && kind !== "multipart") return parse(spec.body, {}, "body");
  if (kind === "json") return parse(spec.body, parseJson(bytes), "body");
  if (kind === "multipart" && spec.form) return parse(spec.form, await parseMultipart(bytes, contentType!), "body");
  throw new AppError(
    "unsupported-media-type",
    `Send the body as application/json${spec.form ? " or multipart/form-data" : ""} (got ${contentType ?? "no Content-Type"}).`,
    { "Content-Type": spec.form ? "application/json or multipart/form-data" : "application/json" },
  );
}

/** Wraps a handler into a Next.js route handler for `spec`. */
export function handle<const S extends EndpointSpec>(spec: S, run: (call: Call<S>) => Promise<AnswerOf<S>>) {
  return async function route(request: Request, context: RouteContext): Promise<Response> {
    try {
      const url = new URL(request.url);
      const caller = await callerFor(spec, request);
      const params = spec.params ? parse(spec.params, await context.params, "path") : undefined;
      const query = parse(spec.query ?? z.strictObject({}), queryObject(url), "query");
      const body = await bodyOf(spec, request);
      const call = { caller, params, query: spec.query ? query : undefined, body, request } as Call<S>;
      const status = spec.status ?? 200;
      if (isDocumentAnswer(spec.answer)) {
        const document = (await run(call)) as string | Uint8Array<ArrayBuffer>;
        const charset = typeof document === "string" ? "; charset=utf-8" : "";
        return new Response(document, {
          status,
          headers: { "content-type": `${spec.answer.mediaType}${charset}`, "cache-control": "no-store" },
        });
      }
      const write = async () => ({ status, body: JSON.stringify(await run(call)) });
      const keyHeader = spec.method === "GET" ? null : request.headers.get(IDEMPOTENCY_HEADER);
      if (keyHeader === null || !spec.idempotent || !(caller && "learner" in caller)) {
        if (keyHeader !== null)
          throw new AppError("invalid", `This endpoint does not take an ${IDEMPOTENCY_HEADER}.`, {
            [IDEMPOTENCY_HEADER]: "not accepted here",
          });
        const answer = await write();
        return new Response(answer.body, {
          status: answer.status,
          headers: { "content-type": "application/json", "cache-control": "no-store" },
        });
      }
      const key = parse(IdempotencyKeySchema, keyHeader, IDEMPOTENCY_HEADER);
      const fingerprint = requestFingerprint({ method: request.method, path: url.pathname, input: { params, query, body } });
      const answer = await onceForKey(
        { learnerId: caller.learner.id, key, method: request.method, path: url.pathname, fingerprint },
        write,
      );
      return new Response(answer.body, {
        status: answer.status,
        headers: {
          "content-type": "application/json",
          "cache-control": "no-store",
          ...(answer.replayed ? { "idempotent-replayed": "true" } : {}),
        },
      });
    } catch (error) {
      if (error instanceof AppError) return error.toResponse();
      console.error(`${request.method} ${request.url} failed:`, error);
      return Response.json({ error: { code: "internal", message: "Something went wrong on the server." } }, { status: 500 });
    }
  };
}
