import { describe, expect, it } from "vitest";
import { resolveContentHref } from "./links";

const program = { slug: "p", dir: "/c/p" };
const moduleFile = "/c/p/modules/01-intro.md";
const exerciseFile = "/c/p/exercises/01-intro/02-trace.md";

describe("resolveContentHref", () => {
  it("maps links between content files to app routes", () => {
    expect(resolveContentHref(program, moduleFile, "02-setup.md")).toBe("/programs/p/modules/setup");
    expect(resolveContentHref(program, moduleFile, "../exercises/01-intro/01-first.md#steps")).toBe(
      "/programs/p/modules/intro/exercises/first#steps",
    );
    expect(resolveContentHref(program, exerciseFile, "01-first.md")).toBe("/programs/p/modules/intro/exercises/first");
    expect(resolveContentHref(program, exerciseFile, "../../modules/04-quality.md")).toBe("/programs/p/modules/quality");
    expect(resolveContentHref(program, moduleFile, "../program.md")).toBe("/programs/p");
  });

  it("serves other relative files from the program folder", () => {
    expect(resolveContentHref(program, moduleFile, "img/diagram one.png")).toBe("/programs/p/files/modules/img/diagram%20one.png");
  });

  it("leaves absolute URLs and anchors alone and refuses paths outside the program", () => {
    expect(resolveContentHref(program, moduleFile, "https://example.org/x")).toBe("https://example.org/x");
    expect(resolveContentHref(program, moduleFile, "#outcomes")).toBe("#outcomes");
    expect(resolveContentHref(program, moduleFile, "../../secret.md")).toBeNull();
  });
});
