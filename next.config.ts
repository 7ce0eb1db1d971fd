import type { NextConfig } from "next";
import { MAX_REQUEST_BYTES } from "./lib/security/body-limits";
import { FIXED_HEADERS, INERT_POLICY } from "./lib/security/headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // Content files are read at request time; tell the tracer to ship them with the server.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // The app has no images to optimise; /_next/image stays off.
  images: { unoptimized: true },
  // The browser tests build with MASTERY_BUILD_TYPECHECKED=1: `npm test` has typechecked in its own
  // step by then, so `next build` need not run TypeScript a second time. Any other build checks types.
  typescript: { ignoreBuildErrors: process.env.MASTERY_BUILD_TYPECHECKED === "1" },
  async headers() {
    return [
      { source: "/:path*", headers: [...FIXED_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: INERT_POLICY }] },
    ];
  },
  experimental: {
    // Uploads (evidence files, library and learner imports) reach server actions and route
    // handlers through the proxy. Both copy at most this much of a body; the proxy refuses more
    // before it is read, and each upload's own rule names its smaller limit.
    serverActions: { bodySizeLimit: MAX_REQUEST_BYTES },
    proxyClientMaxBodySize: MAX_REQUEST_BYTES,
    // forbidden() answers 403 with app/forbidden.tsx for pages a person may not open.
    authInterrupts: true,
  },
};

export default nextConfig;
