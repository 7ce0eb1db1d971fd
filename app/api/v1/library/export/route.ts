import { handle } from "@/lib/agent/handler";
import { API } from "@/lib/agent/routes";
import { exportLibraryZip } from "@/lib/library/export";

export const GET = handle(API.exportLibrary, async ({ caller }) => new Uint8Array(await exportLibraryZip(caller.learner.id)));
