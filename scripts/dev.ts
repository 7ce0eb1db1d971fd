// `npm run dev`: migrate, then run the development server with hot reload (content included).
import { spawn } from "node:child_process";
import path from "node:path";
import { env } from "../lib/env";
import { prepareDatabase } from "./prepare";

await prepareDatabase();
const { HOST, PORT } = env();
const server = spawn(path.resolve("node_modules", ".bin", "next"), ["dev", "--hostname", HOST, "--port", String(PORT)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
server.on("exit", (code) => process.exit(code ?? 0));
