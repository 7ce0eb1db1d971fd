import { describe, expect, it } from "vitest";
import { textOf } from "./file-versions";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("textOf", () => {
  it("reads a text file by its type or its name", () => {
    expect(textOf(bytes("a\nb"), "trace.bin", "text/plain")).toBe("a\nb");
    expect(textOf(bytes("# Trace"), "trace.md", "application/octet-stream")).toBe("# Trace");
    expect(textOf(bytes("{}"), "data", "application/json")).toBe("{}");
  });

  it("takes no binary, non-UTF-8 or large file for text", () => {
    expect(textOf(bytes("PNG"), "shot.png", "image/png")).toBeNull();
    expect(textOf(new Uint8Array([0x61, 0x00, 0x62]), "a.txt", "text/plain")).toBeNull();
    expect(textOf(new Uint8Array([0xff, 0xfe, 0x41]), "a.txt", "text/plain")).toBeNull();
    expect(textOf(new Uint8Array(300 * 1024).fill(0x61), "big.log", "text/plain")).toBeNull();
  });
});
