// Ready-to-run curl commands for the endpoints, shown on the /api page.
import { type EndpointSpec, isDocumentAnswer } from "./endpoint";
import { IDEMPOTENCY_HEADER } from "./idempotency";

const EXAMPLE_PARAMS: Record<string, string> = { "{module}": "1", "{id}": "$PACKET_ID" };

export function curlExamples(spec: EndpointSpec): string[] {
  const target = spec.path.replace(/\{\w+\}/g, (param) => EXAMPLE_PARAMS[param] ?? param);
  const head = [`curl${spec.method === "POST" ? " -X POST" : ""} "$MASTERY_URL${target}"`];
  if (spec.auth !== "public") head.push(`-H "Authorization: Bearer $MASTERY_TOKEN"`);
  if (spec.idempotent) head.push(`-H "${IDEMPOTENCY_HEADER}: $(uuidgen)"`);
  if (isDocumentAnswer(spec.answer)) head.push("-o answer.md");
  const join = (parts: string[]) => parts.join(" \\\n  ");
  if (!spec.body) return [join(head)];
  const examples = [join([...head, `-H "Content-Type: application/json"`, `-d '${JSON.stringify(spec.example ?? {})}'`])];
  if (spec.form) examples.push(join([...head, `-F title="Validation log"`, `-F file=@validate.log`]));
  return examples;
}
