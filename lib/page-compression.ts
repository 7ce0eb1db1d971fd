// `next start` gzips every answer as it streams it. A page's answer (its HTML, or its payload for
// a client-side navigation) is made afresh for every request, so its compression is paid on every
// request: 2–3 ms of the server's CPU per page, and under a cohort's load zlib's threads compete
// with the server for the same cores. When the app serves only this machine, a page crosses no
// network and gzip saves its browser nothing, so pages go as they are. Scripts and styles stay
// compressed (the browser keeps them), and so does every answer of a server that other machines
// reach, directly or through a reverse proxy.
import { type HostSettings, servesOnlyThisMachine } from "./security/exposure";

/** Next.js's own Cache-Control for a page made per request, with `no-transform`, which keeps its gzip (and any proxy's) off the answer. */
const UNCOMPRESSED_PAGE = "private, no-cache, no-store, max-age=0, must-revalidate, no-transform";

/** The Cache-Control a page's answer carries: uncompressed when the app serves only this machine, else null (Next.js's own, compressed). */
export function pageCacheControl(settings?: HostSettings): string | null {
  return servesOnlyThisMachine(settings) ? UNCOMPRESSED_PAGE : null;
}
