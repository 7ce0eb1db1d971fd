// Reading an API request safely: the body with a byte limit (before and while reading), JSON or
// multipart by content type, and the query string; every failure is a 4xx naming the problem.
import { AppError } from "../errors";

/** A file part of a multipart body, read into memory (the body limit bounds its size). */
export type UploadedFile = { name: string; type: string; bytes: Uint8Array };

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "bytes" in value && (value as UploadedFile).bytes instanceof Uint8Array;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("too-large", `The request body is larger than ${maxBytes.toLocaleString("en")} bytes.`, { body: `at most ${maxBytes} bytes` });
}

export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export type BodyKind = "json" | "multipart";

export function bodyKind(contentType: string | null): BodyKind | null {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return "json";
  if (type === "multipart/form-data") return "multipart";
  return null;
}

export function parseJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", "The request body is not valid UTF-8.", { body: "not UTF-8" });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid", `The request body is not valid JSON: ${(error as Error).message}`, { body: "invalid JSON" });
  }
}

/** The fields of a multipart body; a field given twice is refused rather than guessed at. */
export async function parseMultipart(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Record<string, string | UploadedFile>> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("invalid", "The request body is not valid multipart/form-data.", { body: "invalid multipart body" });
  }
  const fields: Record<string, string | UploadedFile> = {};
  for (const [name, value] of form.entries()) {
    if (name in fields) throw new AppError("invalid", `The field "${name}" is given more than once.`, { [name]: "give it once" });
    fields[name] = typeof value === "string" ? value : { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return fields;
}

/** The query string as an object; a parameter given twice is refused. */
export function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name in query) throw new AppError("invalid", `The query parameter "${name}" is given more than once.`, { [name]: "give it once" });
    query[name] = value;
  }
  return query;
}
