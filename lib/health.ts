// The health check a load balancer polls (/api/health): 200 while this instance's database
// answers, with what the instance serves; 503 when it does not, so that people are sent to
// another instance. The check is bounded in time, so a database that hangs is answered too.
// `contentProblems` counts what makes the content invalid (content:check's failures): a
// template's unfilled placeholders are allowed and not counted.
import { getContent } from "./content";
import { failingProblems } from "./content/loader";
import { databaseHealth, type DatabaseHealth } from "./db";
import { dialect } from "./env";

/** Longer than a healthy database ever takes, shorter than a load balancer's usual check timeout (5 s). */
export const HEALTH_TIMEOUT_MS = 3000;

/** `databaseHealth()`, or unreachable once it has taken longer than `HEALTH_TIMEOUT_MS`. */
async function boundedDatabaseHealth(): Promise<DatabaseHealth> {
  const late: DatabaseHealth = {
    reachable: false,
    dialect: dialect(),
    problem: `the database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`,
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => (timer = setTimeout(() => resolve(late), HEALTH_TIMEOUT_MS)));
  try {
    return await Promise.race([databaseHealth(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The answer of /api/health; never cached, since each poll asks about this moment. */
export async function healthResponse(): Promise<Response> {
  const database = await boundedDatabaseHealth();
  const headers = { "cache-control": "no-store" };
  if (!database.reachable) return Response.json({ ok: false, database }, { status: 503, headers });
  const content = getContent();
  return Response.json(
    { ok: true, database, programs: content.programs.map((p) => p.slug), contentProblems: failingProblems(content).length },
    { headers },
  );
}
