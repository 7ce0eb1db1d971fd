// The mastery command's HTTP client: one request to the app's /api/v1 with the token, its
// answer parsed, and every failure turned into a CliError with the matching exit code.
import type { Config } from "./config";
import { CliError, EXIT, usageError } from "./exit-codes";

export type ApiRequest = {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: FormData;
  idempotencyKey?: string;
  /** A document rather than JSON: text (e.g. Markdown) or binary (e.g. a zip, answered as bytes). */
  document?: "text" | "binary";
};

export type ApiAnswer = { status: number; body: unknown; replayed: boolean };

const TIMEOUT_MS = 60_000;
/** The error code of a change based on a version that is no longer the current one. */
const STALE_VERSION = "stale-version";
const RETRY_DELAY_MS = 500;

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string>; missing?: string[] } };

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === "object" && body !== null && "error" in body && typeof (body as ErrorBody).error?.message === "string";
}

function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function send(config: Config, request: ApiRequest, fetchImpl: typeof fetch): Promise<Response> {
  const url = new URL(config.url + request.path);
  for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
  const headers: Record<string, string> = { authorization: `Bearer ${config.token}`, accept: request.document === "binary" ? "application/zip" : request.document ? "text/*" : "application/json" };
  if (request.idempotencyKey) headers["idempotency-key"] = request.idempotencyKey;
  let body: string | FormData | undefined;
  if (request.form) body = request.form;
  else if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  }
  return fetchImpl(url, { method: request.method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
}

/**
 * Sends the request; a write with an idempotency key is retried once when the connection fails,
 * since the server then answers a repeat with the first answer instead of writing twice.
 */
export async function apiCall(config: Config, request: ApiRequest, fetchImpl: typeof fetch): Promise<ApiAnswer> {
  if (!config.token) {
    throw usageError(`No API token. Create one on ${config.url}/settings (API tokens), then set MASTERY_TOKEN or put "token" in the config file.`);
  }
  let response: Response;
  try {
    response = await send(config, request, fetchImpl);
  } catch (error) {
    if (!request.idempotencyKey) throw new CliError(EXIT.unreachable, `Cannot reach the Mastery app at ${config.url} (${networkProblem(error)}). Is it running? Set MASTERY_URL or --url.`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    try {
      response = await send(config, request, fetchImpl);
    } catch (retryError) {
      throw new CliError(EXIT.unreachable, `Cannot reach the Mastery app at ${config.url} (${networkProblem(retryError)}), even after a retry. Is it running?`);
    }
  }
  const isJson = (response.headers.get("content-type") ?? "").includes("application/json");
  if (response.ok && !isJson && request.document === "binary") {
    return { status: response.status, body: new Uint8Array(await response.arrayBuffer()), replayed: false };
  }
  const text = await response.text();
  let body: unknown = text;
  if (isJson) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new CliError(EXIT.failed, `The server at ${config.url} answered with broken JSON (HTTP ${response.status}).`);
    }
  }
  if (response.ok) {
    if (!isJson && !request.document) throw new CliError(EXIT.failed, `${config.url} answered with ${response.headers.get("content-type") ?? "no content type"}, not the Mastery API's JSON.`);
    return { status: response.status, body, replayed: response.headers.get("idempotent-replayed") === "true" };
  }
  if (isErrorBody(body)) {
    const { code, message, fields, missing } = body.error;
    const exitCode = response.status >= 500 ? EXIT.failed : code === STALE_VERSION ? EXIT.stale : EXIT.refused;
    const details = [...Object.entries(fields ?? {}).map(([field, problem]) => `  ${field}: ${problem}`), ...(missing ?? []).map((m) => `  missing: ${m}`)];
    throw new CliError(exitCode, [`${response.status >= 500 ? "Server error" : "Refused"} (${response.status} ${code}): ${message}`, ...details].join("\n"), body);
  }
  throw new CliError(response.status >= 500 ? EXIT.failed : EXIT.refused, `HTTP ${response.status} ${response.statusText} from ${config.url}${request.path}.`);
}
