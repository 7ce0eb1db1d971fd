import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { getProgram } from "@/lib/content";
import { readKit } from "@/lib/content/kit";
import { AppError } from "@/lib/errors";

export const GET = handle(API.getKit, async ({ params }) => {
  const program = getProgram(params.program);
  if (!program) throw new AppError("not-found", `There is no program ${params.program} on this install.`, { program: "unknown program" });
  return {
    program: program.slug,
    files: readKit(program).map((file) => ({
      path: file.path,
      executable: file.executable,
      size: file.bytes.byteLength,
      sha256: file.sha256,
      contentBase64: file.bytes.toString("base64"),
    })),
  };
});
