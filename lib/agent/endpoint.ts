// What an API endpoint is: method, path, who may call it, the zod schemas of its parameters,
// query, body and answer, and its documentation. The registry, the request wrapper, the OpenAPI
// document and the /api page all read these definitions.
import type { z } from "zod";

type Method = "GET" | "POST";

/**
 * learner: a token of a learner profile, or a signed-in person acting on their current profile;
 * reviewer: a signed-in reviewer's browser session only (a token is always refused);
 * public: anyone.
 */
export type Auth = "learner" | "reviewer" | "public";

/** An answer that is a document rather than JSON, e.g. Markdown or a zip. */
export type DocumentAnswer = { mediaType: "text/plain" | "text/markdown" | "application/zip"; description: string };

export type EndpointSpec = {
  method: Method;
  /** OpenAPI-style path, e.g. /api/v1/modules/{module}/start. */
  path: `/api/v1/${string}`;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  auth: Auth;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body. */
  body?: z.ZodType;
  /** A multipart/form-data body accepted as well, parsed into the same value as `body`. */
  form?: z.ZodType;
  /** Largest accepted body in bytes (default 1 MB). */
  maxBytes?: number;
  /** Accepts an Idempotency-Key header: a retry with the same key replays the first answer. */
  idempotent?: boolean;
  status?: 200 | 201;
  answer: z.ZodType | DocumentAnswer;
  /** Example body for the docs' curl command. */
  example?: Record<string, unknown>;
  /** The matching CLI command, for the docs. */
  cli?: string;
};

export function defineEndpoint<const S extends EndpointSpec>(spec: S): S {
  return spec;
}

export const DEFAULT_MAX_BYTES = 1_000_000;

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
export type ParamsOf<S extends EndpointSpec> = Parsed<S["params"]>;
export type QueryOf<S extends EndpointSpec> = Parsed<S["query"]>;
export type BodyOf<S extends EndpointSpec> = Parsed<S["body"]>;
export type AnswerOf<S extends EndpointSpec> = S["answer"] extends z.ZodType ? z.input<S["answer"]> : string | Uint8Array<ArrayBuffer>;

export function isDocumentAnswer(answer: EndpointSpec["answer"]): answer is DocumentAnswer {
  return "mediaType" in answer && typeof answer.mediaType === "string";
}
