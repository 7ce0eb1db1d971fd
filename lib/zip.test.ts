import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { hostileZip } from "./hostile-zip";
import { isSafeEntryName, readZip, ZipError, type ZipLimits } from "./zip";

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { entries: 5, bytes: 50 * MB };

/** Reads `zip` whole, keeping what `wanted` names; returns the files, or the refusal's message. */
async function read(zip: Uint8Array, limits = LIMITS, wanted: (name: string) => boolean = () => true) {
  const files = new Map<string, string>();
  let delivered = 0;
  const open = (name: string) => {
    if (!wanted(name)) return undefined;
    files.set(name, "");
    return (chunk: Uint8Array) => {
      delivered += chunk.length;
      files.set(name, files.get(name)! + Buffer.from(chunk).toString("utf8"));
    };
  };
  const refused = await readZip([zip], open, limits).then(
    () => null,
    (error: unknown) => (error instanceof ZipError ? error.message : Promise.reject(error)),
  );
  return { files, refused, delivered };
}

describe("readZip", () => {
  it("reads every file of an archive, skipping directories", async () => {
    const zip = zipSync({ "docs/": new Uint8Array(0), "docs/a.md": strToU8("alpha ✓"), "b.txt": strToU8("b".repeat(100_000)) });
    const { files, refused } = await read(zip);
    expect(refused).toBeNull();
    expect([...files]).toEqual([
      ["docs/a.md", "alpha ✓"],
      ["b.txt", "b".repeat(100_000)],
    ]);
  });

  it("counts the bytes really inflated, not the sizes the headers claim, and stops at the limit while other work goes on", async () => {
    const zip = hostileZip(["a.md", "b.md"], 64);
    const claimed: number[] = [];
    unzipSync(zip, {
      filter: (file) => {
        claimed.push(file.originalSize);
        return false;
      },
    });
    expect(claimed).toEqual([100, 100]);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const { refused, delivered } = await read(zip);
    clearInterval(ticker);
    expect(refused).toBe("unpacks to more than 50 MB");
    expect(delivered).toBeLessThanOrEqual(50 * MB);
    expect(turns).toBeGreaterThan(0);
  });

  it("does not inflate the files it is told to skip", async () => {
    const { files, refused } = await read(hostileZip(["a.bin", "b.bin"], 64), LIMITS, (name) => name.endsWith(".md"));
    expect(refused).toBeNull();
    expect(files.size).toBe(0);
  });

  it("refuses too many files, unsafe names, and damaged or foreign archives", async () => {
    const six = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`f${i}.md`, strToU8("x")]));
    expect((await read(zipSync(six))).refused).toBe("holds more than 5 files");
    expect((await read(zipSync({ "../escape.md": strToU8("x") }))).refused).toBe('holds an unsafe entry name: "../escape.md"');
    expect((await read(strToU8("not a zip at all"))).refused).toBe("is not a readable zip archive");
    const whole = zipSync({ "a.md": strToU8("a".repeat(10_000) + Math.random()) }, { level: 0 });
    expect((await read(whole.subarray(0, 100))).refused).toBe("is not a readable zip archive");
    const damaged = hostileZip(["a.md"], 1);
    damaged.fill(0xff, 40, 60);
    expect((await read(damaged)).refused).toMatch(/^is damaged: a\.md: /);
  });
});

describe("isSafeEntryName", () => {
  it.each([
    ["files/ab/abc", true],
    ["mastery.db", true],
    ["../x", false],
    ["/etc/passwd", false],
    ["files/../../x", false],
    ["a\\b", false],
    ["", false],
  ])("%s → %s", (name, safe) => expect(isSafeEntryName(name)).toBe(safe));
});
