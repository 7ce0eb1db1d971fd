// Which program the visitor is working in: the one picked on the programs page (a cookie),
// else the default program.
import { cookies } from "next/headers";
import { getDefaultProgram, getProgram, type Program } from "./index";

export const PROGRAM_COOKIE = "program";

export async function currentProgram(): Promise<Program | null> {
  const picked = (await cookies()).get(PROGRAM_COOKIE)?.value;
  return (picked ? getProgram(picked) : null) ?? getDefaultProgram();
}
