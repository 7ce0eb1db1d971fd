import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { getProgram } from "@/lib/content";
import { AppError } from "@/lib/errors";

const TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".json": "application/json",
  ".pdf": "application/pdf",
};

const notFound = (field: string, message: string) =>
  Response.json(new AppError("not-found", message, { [field]: message }).toJSON(), { status: 404 });

/** Serves a file from inside a program's content folder (images and attachments of the Markdown). */
export async function GET(_request: Request, { params }: { params: Promise<{ program: string; path: string[] }> }) {
  const { program: slug, path: parts } = await params;
  const program = getProgram(slug);
  if (!program) return notFound("program", "No such program.");
  const target = path.resolve(program.dir, ...parts);
  const type = TYPES[path.extname(target).toLowerCase()];
  if (!target.startsWith(program.dir + path.sep) || !type) {
    return notFound("path", "Not a servable content file.");
  }
  const info = await stat(target).catch(() => null);
  if (!info?.isFile()) return notFound("path", "File not found.");
  return new Response(new Uint8Array(await readFile(target)), {
    // The proxy gives it the inert policy: an SVG could carry script.
    headers: { "content-type": type, "x-content-type-options": "nosniff" },
  });
}
