// Finds the system browsers (Playwright's own downloads are not reachable here); installs Debian's
// package when running as root on Debian.
// - The browser tests drive Chromium's headless shell (Debian's chromium-headless-shell, the
//   browser Playwright itself runs headless): the same Blink and V8 without the full browser's
//   window machinery, so a test costs about a third less CPU. The full Chromium stands in where
//   the shell is missing.
// - Lighthouse (npm run bench) measures in the full Chromium, as a person's browser renders.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

type Browser = { debianPackage: string; paths: string[] };

const HEADLESS_SHELL: Browser = { debianPackage: "chromium-headless-shell", paths: ["/usr/bin/chromium-headless-shell"] };
const CHROMIUM: Browser = { debianPackage: "chromium", paths: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] };

function found(browser: Browser): string | null {
  return browser.paths.find((candidate) => existsSync(candidate)) ?? null;
}

/** Installs a browser's Debian package when running as root on Debian; its path, or null. */
function installed(browser: Browser): string | null {
  if (process.getuid?.() !== 0 || !existsSync("/etc/debian_version")) return null;
  console.log(`${browser.debianPackage} not found: installing Debian's package…`);
  const run = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (run(["update"]).status !== 0 || run(["install", "-y", "--no-install-recommends", browser.debianPackage]).status !== 0) return null;
  return found(browser);
}

/** CHROMIUM_PATH when set (it must exist), else the first of `browsers` found, installed, or an error. */
function ensure(browsers: Browser[]): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is set to ${configured}, but no file is there.`);
  }
  const path = browsers.map(found).find(Boolean) ?? installed(browsers[0]!);
  if (path) return path;
  throw new Error(
    `This needs ${browsers.map((b) => b.debianPackage).join(" or ")} and none was found.\n` +
      `  Debian/Ubuntu: sudo apt-get install -y ${browsers[0]!.debianPackage}\n` +
      "  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
  );
}

/** The browser the end-to-end tests drive: the headless shell, else the full Chromium. */
export function ensureTestBrowser(): string {
  return ensure([HEADLESS_SHELL, CHROMIUM]);
}

/** The full Chromium, for Lighthouse. */
export function ensureChromium(): string {
  return ensure([CHROMIUM]);
}
