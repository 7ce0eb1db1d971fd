// The OpenAPI document is valid OpenAPI 3.1 and lists exactly the routes in app/api/v1.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { ENDPOINTS } from "./routes";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = /export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

/** "GET /api/v1/modules/{module}" for every handler exported by app/api/v1/**\/route.ts (not the catch-all 404). */
function routesOnDisk(): string[] {
  return routeFiles(API_DIR)
    .filter((file) => !file.includes("[..."))
    .flatMap((file) => {
      const route = `/api/v1/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "").replace(/\[(\w+)\]/g, "{$1}");
      return [...readFileSync(file, "utf8").matchAll(METHODS)].map((m) => `${m[1]} ${route}`);
    })
    .sort();
}

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("covers every route in app/api/v1 and nothing else", () => {
    const documented = Object.entries(openApiDocument().paths)
      .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`))
      .sort();
    expect(routesOnDisk().length).toBeGreaterThan(10);
    expect(documented).toEqual(routesOnDisk());
  });

  it("has unique operation ids and examples that the body schemas accept", () => {
    expect(new Set(ENDPOINTS.map((e) => e.operationId)).size).toBe(ENDPOINTS.length);
    for (const spec of ENDPOINTS.filter((e) => e.example)) {
      expect(spec.body?.safeParse(spec.example).success, spec.operationId).toBe(true);
    }
  });

  it("refuses unknown fields in every JSON body and documents the size limit", () => {
    for (const spec of ENDPOINTS.filter((e) => e.body)) {
      expect(spec.body!.safeParse({ ...(spec.example ?? {}), notAField: 1 }).success, spec.operationId).toBe(false);
      const operation = (openApiDocument().paths as Record<string, Record<string, Record<string, unknown>>>)[spec.path]![spec.method.toLowerCase()]!;
      expect(operation["x-max-body-bytes"], spec.operationId).toEqual(expect.any(Number));
    }
  });
});
