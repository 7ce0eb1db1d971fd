// Size limits of a plan, shared by the server and the editor. Next.js refuses server-action
// bodies over 1 MB, so a plan (up to three bytes a character) and an upload stay well below it.
export const MAX_PLAN_CHARS = 300_000;
export const MAX_IMPORT_BYTES = 512 * 1024;
export const IMPORT_EXTENSIONS = [".md", ".markdown", ".txt"];
