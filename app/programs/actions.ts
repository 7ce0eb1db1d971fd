"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getProgram } from "@/lib/content";
import { PROGRAM_COOKIE } from "@/lib/content/current";
import { programRoute } from "@/lib/content/links";

const PickProgramSchema = z.object({ program: z.string().min(1, "Choose a program") });

export async function pickProgram(formData: FormData) {
  const parsed = PickProgramSchema.safeParse(Object.fromEntries(formData));
  const program = parsed.success ? getProgram(parsed.data.program) : null;
  if (!program) redirect("/programs?error=unknown-program");
  (await cookies()).set(PROGRAM_COOKIE, program.slug, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31536000 });
  redirect(programRoute(program.slug));
}
