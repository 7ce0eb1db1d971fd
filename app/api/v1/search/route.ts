import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { searchEverything } from "@/lib/library/search";

const QuerySchema = z.object({
  q: z.string().max(200, "must be at most 200 characters").default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The program's content and, for a signed-in learner, their own patterns and playbook entries. */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = QuerySchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return NextResponse.json({ error: { field: issue.path.join("."), message: issue.message } }, { status: 400 });
  }
  const started = performance.now();
  const results = await searchEverything((await currentUser())?.learnerId, parsed.data.q, parsed.data.limit);
  return NextResponse.json({ query: parsed.data.q, results, tookMs: Math.round((performance.now() - started) * 100) / 100 });
}
