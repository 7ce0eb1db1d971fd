// Runs before every request: refuses cross-origin writes; when the app is reachable from the
// network, sends anyone not signed in to the sign-in page (or answers 401 to API calls
// without credentials); gives each page a fresh CSP nonce, which Next.js applies to its own
// scripts and the root layout to its theme script.
import { NextResponse, type NextRequest } from "next/server";
import { isSignedInCookie, sessionOptions } from "@/lib/auth/session-cookie";
import { isPublicPath, signInRequired } from "@/lib/security/exposure";
import { createNonce, isCrossOriginWrite, pagePolicy } from "@/lib/security/headers";

const refuse = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });

async function mustSignIn(request: NextRequest): Promise<boolean> {
  if (!signInRequired() || isPublicPath(request.nextUrl.pathname)) return false;
  if (request.nextUrl.pathname.startsWith("/api/") && request.headers.has("authorization")) return false;
  return !(await isSignedInCookie(request.cookies.get(sessionOptions().cookieName)?.value));
}

export async function proxy(request: NextRequest) {
  const api = request.nextUrl.pathname.startsWith("/api/");
  if (isCrossOriginWrite(request.method, request.headers)) {
    return refuse(403, "cross-origin", "Writes from another site are refused.", { origin: "must be this app's own origin" });
  }
  if (await mustSignIn(request)) {
    return api ? refuse(401, "unauthenticated", "Sign in or send an API token.") : NextResponse.redirect(new URL("/signin", request.url));
  }
  if (api) return NextResponse.next();
  const nonce = createNonce();
  const policy = pagePolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.svg).*)" }],
};
