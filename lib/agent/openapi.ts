// The OpenAPI 3.1 document of /api/v1, generated from the endpoint registry and its zod
// schemas, so the document cannot drift from what the handlers accept and answer.
import { z } from "zod";
import { DEFAULT_MAX_BYTES, type EndpointSpec, isDocumentAnswer } from "./endpoint";
import { IDEMPOTENT_ANSWER_RETENTION_DAYS } from "../retention";
import { IDEMPOTENCY_HEADER } from "./idempotency";
import { ENDPOINTS } from "./routes";
import { ErrorAnswer, isUploadedFileSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const generated: JsonSchema = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    reused: "inline",
    unrepresentable: ({ zodSchema }) => (isUploadedFileSchema(zodSchema) ? { type: "string", contentMediaType: "application/octet-stream" } : "throw"),
  });
  delete generated.$schema;
  return generated;
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { description, ...fieldSchema } = jsonSchema(field);
    return { name, in: location, required: location === "path" || !field.safeParse(undefined).success, ...(description ? { description } : {}), schema: fieldSchema };
  });
}

const ERROR_RESPONSES = {
  BadRequest: "The request is malformed: a field, the query, the path or the body (see error.fields).",
  Unauthenticated: "No valid API token or session.",
  Forbidden: "Not allowed for this caller, e.g. a token on a reviewer endpoint.",
  NotFound: "No such module, packet or item.",
  Conflict: "Refused by a rule (error.code names it, e.g. one-at-a-time, prerequisites) or an Idempotency-Key reused for a different request.",
  TooLarge: "The body is larger than the endpoint accepts.",
  UnsupportedMediaType: "The body is not JSON (or multipart where accepted).",
} as const;

const errorRef = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

function responses(spec: EndpointSpec) {
  const status = String(spec.status ?? 200);
  const success = isDocumentAnswer(spec.answer)
    ? { description: spec.answer.description, content: { [spec.answer.mediaType]: { schema: { type: "string" } } } }
    : { description: spec.summary, content: { "application/json": { schema: jsonSchema(spec.answer) } } };
  return {
    [status]: success,
    "400": errorRef("BadRequest"),
    ...(spec.auth !== "public" ? { "401": errorRef("Unauthenticated"), "403": errorRef("Forbidden") } : {}),
    ...(spec.params ? { "404": errorRef("NotFound") } : {}),
    ...(spec.method === "POST" ? { "409": errorRef("Conflict"), "413": errorRef("TooLarge"), "415": errorRef("UnsupportedMediaType") } : {}),
  };
}

const SECURITY = { learner: [{ bearerToken: [] }, { sessionCookie: [] }], reviewer: [{ sessionCookie: [] }], public: [] };

function operation(spec: EndpointSpec) {
  const idempotencyHeader = {
    name: IDEMPOTENCY_HEADER,
    in: "header",
    required: false,
    description: `Any unique string (e.g. a UUID). A retry with the same key and body within ${IDEMPOTENT_ANSWER_RETENTION_DAYS} days replays the first answer (header Idempotent-Replayed: true); the same key with a different body is refused with 409.`,
    schema: { type: "string", minLength: 1, maxLength: 200 },
  };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    security: SECURITY[spec.auth],
    parameters: [...parameters(spec.params, "path"), ...parameters(spec.query, "query"), ...(spec.idempotent ? [idempotencyHeader] : [])],
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: jsonSchema(spec.body), ...(spec.example ? { example: spec.example } : {}) },
              ...(spec.form ? { "multipart/form-data": { schema: jsonSchema(spec.form) } } : {}),
            },
          },
        }
      : {}),
    responses: responses(spec),
    ...(spec.body ? { "x-max-body-bytes": spec.maxBytes ?? DEFAULT_MAX_BYTES } : {}),
  };
}

function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of ENDPOINTS) (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation(spec);
  return {
    openapi: "3.1.0",
    info: {
      title: "Mastery API",
      version: "1",
      description:
        "Drive work packets from an agent or a script: read the plan, start the next packet, attach evidence, submit for review and append to the plan log. Only a signed-in human reviewer can approve. Errors are JSON { error: { code, message, fields? } }.",
    },
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A learner's API token, created on the Settings page. It acts as that learner and can never review." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "mastery_session", description: "The browser session of a signed-in person." },
      },
      schemas: { Error: jsonSchema(ErrorAnswer) },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, description]) => [name, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
      ),
    },
  };
}

let cached: ReturnType<typeof buildDocument> | undefined;

export function openApiDocument() {
  cached ??= buildDocument();
  return cached;
}
