import { redirect } from "next/navigation";
import { currentProgram } from "@/lib/content/current";
import { programRoute } from "@/lib/content/links";

/** The Modules link: the program the learner is following, or the list to choose one. */
export default async function CurrentProgramPage() {
  const program = await currentProgram();
  redirect(program ? programRoute(program.slug) : "/programs");
}
