// The learning record bundle as one zip download.
import { strToU8, zipSync } from "fflate";
import { learningRecordFiles } from "./record";

export async function learningRecordZip(learnerId: string, now = new Date()): Promise<Uint8Array> {
  const files = await learningRecordFiles(learnerId, now);
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [`learning-record/${name}`, [strToU8(text), { mtime: now }]])),
  );
}
