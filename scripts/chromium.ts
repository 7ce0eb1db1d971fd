// Finds the system Chromium the browser tests drive (Playwright's own downloads are not
// reachable here); installs Debian's package when running as root on Debian.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`);
  }
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log("Chromium not found: installing Debian's chromium package…");
    const run = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (run(["update"]).status === 0 && run(["install", "-y", "--no-install-recommends", "chromium"]).status === 0) {
      const installed = findChromium();
      if (installed) return installed;
    }
  }
  throw new Error(
    "The browser tests need Chromium and none was found.\n" +
      "  Debian/Ubuntu: sudo apt-get install -y chromium\n" +
      "  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
  );
}
