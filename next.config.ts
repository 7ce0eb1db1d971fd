import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // Content files are read at request time; tell the tracer to ship them with the server.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
};

export default nextConfig;
