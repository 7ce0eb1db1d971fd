import { NextResponse } from "next/server";
import { getContent } from "@/lib/content";
import { readPragmas } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const content = getContent();
  return NextResponse.json({
    ok: true,
    programs: content.programs.map((p) => p.slug),
    contentProblems: content.problems.length,
    database: await readPragmas(),
  });
}
