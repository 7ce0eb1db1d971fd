// The mastery command's requests with no body or a text body go through node:http(s) rather than
// the built-in fetch (an upload's form still goes through fetch): on Node 20 the first fetch of a process loads and compiles its HTTP parser, which
// costs about 200 ms of every short command. Same contract as fetch for what the client uses:
// a Response, a TypeError with the network error as its cause, the signal's reason on abort.
import http from "node:http";
import https from "node:https";

export const httpFetch = (async (input: URL | RequestInfo, init: RequestInit = {}) => {
  // A form (an upload) is encoded by fetch itself.
  if (init.body !== undefined && init.body !== null && typeof init.body !== "string") return fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : input);
  const body = init.body ?? undefined;
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: init.method ?? "GET", headers, signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => reject(new TypeError("fetch failed", { cause: error })));
        response.on("end", () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) answerHeaders.append(name, one);
          }
          const status = response.statusCode ?? 500;
          const nullBody = status === 204 || status === 304;
          resolve(
            new Response(nullBody ? null : Buffer.concat(chunks), {
              status,
              statusText: response.statusMessage ?? "",
              headers: answerHeaders,
            }),
          );
        });
      },
    );
    request.on("error", (error) => reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error })));
    request.end(body);
  });
}) as typeof fetch;
