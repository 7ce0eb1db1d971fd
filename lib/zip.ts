// Reading zip archives without trusting them. The sizes in an archive's headers can lie, so the
// bytes each entry really inflates to are counted while inflating, and reading stops at the
// limit. The archive is fed in small slices; deflated entries are inflated by zlib on Node's
// thread pool, and the event loop gets a turn after every slice, so a server keeps answering
// other requests while an upload is unpacked.
import path from "node:path";
import { createInflateRaw, type InflateRaw } from "node:zlib";
import { Unzip, UnzipPassThrough } from "fflate";

/** Compressed bytes read per step: deflate unpacks at most about 1,032 times its size, so a step makes at most about 17 MB. */
const SLICE = 16 * 1024;

export type ZipLimits = { entries: number; bytes: number };

/** Why an archive was refused; the message reads after the archive's name. */
export class ZipError extends Error {
  override name = "ZipError";
}

/** Receives an entry's inflated bytes; `final` marks its last chunk. */
export type EntryReader = (chunk: Uint8Array, final: boolean) => void;

/** A zip entry name that stays inside the folder it is extracted to. */
export function isSafeEntryName(name: string): boolean {
  if (name === "" || name.includes("\\") || name.includes("\0") || path.posix.isAbsolute(name)) return false;
  return name.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** Hands a deflated entry's bytes over still compressed, for zlib to inflate off the main thread. */
class Deflated extends UnzipPassThrough {
  static override compression = 8;
}

/**
 * Reads the zip arriving in `source`. Each file (directories are skipped) is offered to `open`
 * by name: a reader receives its bytes, `undefined` skips it without inflating it. Throws
 * ZipError for an unreadable or damaged archive, an unsafe name, or one over `limits` (files,
 * and bytes inflated in total); an error thrown by a reader passes through.
 */
export async function readZip(
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  open: (name: string) => EntryReader | undefined,
  limits: ZipLimits = { entries: Infinity, bytes: Infinity },
): Promise<void> {
  let failure: Error | null = null;
  const fail = (error: unknown) => void (failure ??= error as Error);
  let found = false;
  let entries = 0;
  let bytes = 0;
  const inflating = new Set<InflateRaw>();
  const closed: Promise<unknown>[] = [];
  const pending: Promise<unknown>[] = [];

  const counted =
    (read: EntryReader): EntryReader =>
    (chunk, final) => {
      if (failure) return;
      try {
        if ((bytes += chunk.length) > limits.bytes) throw new ZipError(`unpacks to more than ${limits.bytes / 1024 / 1024} MB`);
        read(chunk, final);
      } catch (error) {
        fail(error);
      }
    };

  function inflated(name: string, take: EntryReader): EntryReader {
    const zlib = createInflateRaw({ chunkSize: 64 * 1024 });
    inflating.add(zlib);
    const done = new Promise((resolve) => zlib.once("close", resolve)).then(() => inflating.delete(zlib));
    closed.push(done);
    zlib.on("data", (chunk: Buffer) => take(chunk, false));
    zlib.on("end", () => take(new Uint8Array(0), true));
    zlib.on("error", (error) => fail(new ZipError(`is damaged: ${name}: ${error.message}`)));
    return (chunk, final) => {
      const written = new Promise<void>((resolve) => (final ? zlib.end(chunk, () => resolve()) : zlib.write(chunk, () => resolve())));
      pending.push(Promise.race([written, done]));
    };
  }

  const unzip = new Unzip((file) => {
    found = true;
    if (failure) return;
    try {
      const directory = file.name.endsWith("/");
      if (!isSafeEntryName(directory ? file.name.slice(0, -1) : file.name))
        throw new ZipError(`holds an unsafe entry name: ${JSON.stringify(file.name)}`);
      if (directory) return;
      if (++entries > limits.entries) throw new ZipError(`holds more than ${limits.entries} files`);
      const read = open(file.name);
      if (!read) return;
      const sink = file.compression === Deflated.compression ? inflated(file.name, counted(read)) : counted(read);
      file.ondata = (error, chunk, final) => (error ? fail(new ZipError(`is damaged: ${file.name}: ${error.message}`)) : sink(chunk, final));
      file.start();
    } catch (error) {
      fail(error);
    }
  });
  unzip.register(Deflated);

  const settle = async () => {
    await Promise.all(pending.splice(0));
    if (failure) throw failure;
    await new Promise(setImmediate);
  };
  try {
    for await (const chunk of source)
      for (let at = 0; at < chunk.length; at += SLICE) {
        unzip.push(chunk.subarray(at, at + SLICE));
        await settle();
      }
    unzip.push(new Uint8Array(0), true);
    await settle();
    await Promise.all(closed);
  } catch (error) {
    throw error === failure ? error : new ZipError("is not a readable zip archive");
  } finally {
    for (const zlib of inflating) zlib.destroy();
  }
  if (failure) throw failure;
  if (!found) throw new ZipError("is not a readable zip archive");
}
