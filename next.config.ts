import type { NextConfig } from "next";
import { FIXED_HEADERS, INERT_POLICY } from "./lib/security/headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // Content files are read at request time; tell the tracer to ship them with the server.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  async headers() {
    return [
      { source: "/:path*", headers: [...FIXED_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: INERT_POLICY }] },
    ];
  },
  // Uploads (evidence files up to 10 MB, plan imports) reach server actions, whose body Next.js
  // caps at 1 MB by default; above the cap the action fails before the form can report the size.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
