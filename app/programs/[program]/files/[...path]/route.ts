import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { getProgram } from "@/lib/content";

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

/** Serves a file from inside a program's content folder (images and attachments of the Markdown). */
export async function GET(_request: Request, { params }: { params: Promise<{ program: string; path: string[] }> }) {
  const { program: slug, path: parts } = await params;
  const program = getProgram(slug);
  if (!program) return Response.json({ error: { field: "program", message: "No such program" } }, { status: 404 });
  const target = path.resolve(program.dir, ...parts);
  const type = TYPES[path.extname(target).toLowerCase()];
  if (!target.startsWith(program.dir + path.sep) || !type) {
    return Response.json({ error: { field: "path", message: "Not a servable content file" } }, { status: 404 });
  }
  const info = await stat(target).catch(() => null);
  if (!info?.isFile()) return Response.json({ error: { field: "path", message: "File not found" } }, { status: 404 });
  return new Response(new Uint8Array(await readFile(target)), {
    headers: {
      "content-type": type,
      "x-content-type-options": "nosniff",
      // An SVG could carry script; make the browser treat it as an inert image.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
