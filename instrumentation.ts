// Runs once when the server starts, before it answers a request.
export async function register(): Promise<void> {
  await import("./lib/zod-jitless");
}
