// Runs before every request: answers only to this app's own host names; refuses paths that do
// not decode, bodies over the app's ceiling and server-action bodies nested deeper than any form
// sends; refuses cross-origin writes; when the app is reachable from the network, sends anyone
// not signed in to the sign-in page (or answers 401 to API calls without credentials); gives each
// page a fresh CSP nonce, which Next.js applies to its own scripts and the root layout to its
// theme script, and downloads and files the inert policy; sends pages uncompressed when the app
// serves only this machine (lib/page-compression.ts).
import { NextResponse, type NextRequest } from "next/server";
import { isSignedInCookie, sessionOptions } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { pageCacheControl } from "@/lib/page-compression";
import { actionBodyTooDeep, isServerActionPost, MAX_ACTION_NESTING } from "@/lib/security/action-body";
import { bodySizeVerdict } from "@/lib/security/body-limits";
import { isAllowedHost, isPublicPath, signInRequired } from "@/lib/security/exposure";
import { createNonce, INERT_POLICY, isCrossOriginWrite, pagePolicy } from "@/lib/security/headers";
import { hasMalformedEncoding, isFileRoute } from "@/lib/security/paths";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal: the API's JSON error for /api and the route handlers (whose callers read JSON), a small inert page for pages. */
function refuse(json: boolean, status: number, code: string, message: string, fields?: Record<string, string>): Response {
  if (json) return new AppError("invalid", message, fields, code).toResponse(status);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Refused · Mastery</title></head><body><h1>Refused</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the dashboard</a></p></body></html>`;
  return new NextResponse(page, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": INERT_POLICY },
  });
}

async function mustSignIn(request: NextRequest): Promise<boolean> {
  if (!signInRequired() || isPublicPath(request.nextUrl.pathname)) return false;
  if (request.nextUrl.pathname.startsWith("/api/") && request.headers.has("authorization")) return false;
  return !(await isSignedInCookie(request.cookies.get(sessionOptions().cookieName)?.value));
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const fileRoute = !api && isFileRoute(pathname);
  const json = api || fileRoute;
  if (!isAllowedHost(request.headers.get("host"))) {
    return refuse(json, 421, "unknown-host", "This server does not answer to that host name.", {
      Host: "a host name this app is configured for",
    });
  }
  if (hasMalformedEncoding(pathname)) {
    return refuse(json, 400, "invalid", "The address has malformed percent-encoding.", { path: "not valid percent-encoded UTF-8" });
  }
  const size = bodySizeVerdict(request.method, request.headers.get("content-length"), !api && !fileRoute);
  if (!size.ok)
    return refuse(json, size.status, size.status === 413 ? "too-large" : "length-required", size.message, { body: size.message });
  if (isCrossOriginWrite(request.method, request.headers, env().MASTERY_PUBLIC_URL)) {
    return refuse(json, 403, "cross-origin", "Writes from another site are refused.", { origin: "must be this app's own origin" });
  }
  if (await mustSignIn(request)) {
    return api
      ? refuse(true, 401, "unauthenticated", "Sign in or send an API token.")
      : NextResponse.redirect(new URL("/signin", request.url));
  }
  if (api) return NextResponse.next();
  if (fileRoute) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", INERT_POLICY);
    return response;
  }
  if (isServerActionPost(request.method, request.headers) && (await actionBodyTooDeep(request))) {
    return refuse(false, 400, "invalid", `The form data is nested more than ${MAX_ACTION_NESTING} levels deep.`);
  }
  const nonce = createNonce();
  const policy = pagePolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  const cacheControl = pageCacheControl();
  if (cacheControl) response.headers.set("cache-control", cacheControl);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.svg).*)" }],
};
