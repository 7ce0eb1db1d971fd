// Bound to the loopback interface, the app serves only this machine; bound anywhere else it
// is reachable from the network, so every page and API call needs a signed-in person.
import { env } from "../env";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

export function signInRequired(): boolean {
  return !isLoopbackHost(env().HOST);
}

/** Pages reachable without signing in even when sign-in is required. */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/signin" || pathname === "/setup" || pathname === "/api/health";
}
