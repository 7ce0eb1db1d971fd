// Bound to the loopback interface, the app serves only this machine; bound anywhere else it
// is reachable from the network, so every page and API call needs a signed-in person. Either way
// it answers only to the host names it is known by, so that a page of another site whose name
// is made to resolve to this machine (DNS rebinding) cannot drive it.
import { env } from "../env";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

export function signInRequired(): boolean {
  return !isLoopbackHost(env().HOST);
}

export type HostSettings = { bind: string; publicUrl?: string };

function hostSettings(): HostSettings {
  const { HOST, MASTERY_PUBLIC_URL } = env();
  return { bind: HOST, publicUrl: MASTERY_PUBLIC_URL };
}

/**
 * Whether the app serves only this machine: bound to loopback, with no public address at which
 * a reverse proxy passes it on to the network.
 */
export function servesOnlyThisMachine(settings: HostSettings = hostSettings()): boolean {
  return isLoopbackHost(settings.bind) && !settings.publicUrl;
}

/**
 * Whether a request's Host header names this app: a loopback name (localhost, 127.x.x.x, [::1])
 * or the host of MASTERY_PUBLIC_URL; off loopback also the address it listens on, and any host
 * when no public URL is configured. Ports are not compared (a rebinding page uses the same port).
 */
export function isAllowedHost(hostHeader: string | null, settings: HostSettings = hostSettings()): boolean {
  const hostname = hostnameOf(hostHeader ?? "");
  if (hostname === null) return false;
  if (isLoopbackHost(hostname)) return true;
  const exposed = !isLoopbackHost(settings.bind);
  if (!settings.publicUrl) return exposed;
  return hostname === new URL(settings.publicUrl).hostname || (exposed && hostname === hostnameOf(settings.bind));
}

/** The host name of a Host header or a bind address (a bare IPv6 address too), normalised; null if it is none. */
function hostnameOf(host: string): string | null {
  if (host === "") return null;
  try {
    return new URL(`http://${/^[^[].*:.*:/.test(host) ? `[${host}]` : host}`).hostname;
  } catch {
    return null;
  }
}

/** Pages reachable without signing in even when sign-in is required. */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/signin" || pathname === "/setup" || pathname === "/api/health";
}

/** Cookies are `Secure` when people reach the app over https (its MASTERY_PUBLIC_URL says so). */
export function cookiesSecure(publicUrl: string | undefined = env().MASTERY_PUBLIC_URL): boolean {
  return publicUrl?.startsWith("https:") ?? false;
}
