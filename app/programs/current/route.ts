import { NextResponse } from "next/server";
import { currentProgram } from "@/lib/content/current";
import { programRoute } from "@/lib/content/links";

export async function GET(request: Request) {
  const program = await currentProgram();
  return NextResponse.redirect(new URL(program ? programRoute(program.slug) : "/programs", request.url), 307);
}
