// The command's fetch over node:http against a real local server: what the client reads from a
// Response, a JSON body sent, and the errors the client turns into messages.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpFetch } from "./http-fetch";

let server: http.Server;
let base: string;
const received: { method?: string; body: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method, body: Buffer.concat(chunks).toString(), headers: request.headers });
      if (request.url === "/slow") return; // never answers
      if (request.url === "/empty") return response.writeHead(204).end();
      response.writeHead(409, "Conflict", { "content-type": "application/json", "idempotent-replayed": "true" });
      response.end(JSON.stringify({ error: { code: "stale-version", message: "é" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("httpFetch", () => {
  it("sends the method, headers and JSON body, and answers with status, headers and body", async () => {
    const response = await httpFetch(new URL(`${base}/api/v1/x?q=1`), {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ name: "ü" }),
    });
    expect(response.status).toBe(409);
    expect(response.statusText).toBe("Conflict");
    expect(response.ok).toBe(false);
    expect(response.headers.get("idempotent-replayed")).toBe("true");
    expect(await response.json()).toEqual({ error: { code: "stale-version", message: "é" } });
    const sent = received.at(-1)!;
    expect(sent).toMatchObject({ method: "POST", body: '{"name":"ü"}' });
    expect(sent.headers).toMatchObject({ authorization: "Bearer t", "content-length": String(Buffer.byteLength('{"name":"ü"}')) });
  });

  it("answers 204 with an empty body", async () => {
    const response = await httpFetch(`${base}/empty`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("fails as fetch does: a TypeError whose cause names the network error", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await httpFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError & { cause: { code: string } }).cause.code).toBe("ECONNREFUSED");
  });

  it("rejects with the signal's reason when it times out", async () => {
    const error = await httpFetch(`${base}/slow`, { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
  });
});
