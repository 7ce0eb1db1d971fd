import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // Content files are read at request time; tell the tracer to ship them with the server.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // Uploads (evidence files up to 10 MB, plan imports) reach server actions, whose body Next.js
  // caps at 1 MB by default; above the cap the action fails before the form can report the size.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
