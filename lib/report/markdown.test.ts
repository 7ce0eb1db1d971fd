import { describe, expect, it } from "vitest";
import { cell, fence, forDisplay, table } from "./markdown";

describe("report Markdown", () => {
  it("keeps table cells on one line and escapes pipes", () => {
    expect(cell(" a | b\n c ")).toBe("a \\| b c");
    expect(cell("   ")).toBe("—");
    expect(table(["A", "B"], [["x|y", ""]])).toBe("| A | B |\n| --- | --- |\n| x\\|y | — |");
  });

  it("fences text with a fence longer than any backtick run in it", () => {
    expect(fence("a ``` b", "text")).toBe("````text\na ``` b\n````");
    expect(fence("plain\n\n")).toBe("```\nplain\n```");
  });

  it("shows line-by-line blocks as lines and moves the title one level down", () => {
    const text = [
      "# Title",
      "",
      "Branches:",
      "//fetch /a",
      "//fetch /b",
      "",
      ":::",
      "Question",
      "What?",
      ":::",
      "",
      "- item",
      "- item",
      "```",
      "x",
      "y",
      "```",
    ].join("\n");
    expect(forDisplay(text)).toBe(
      [
        "## Title",
        "",
        "Branches:  ",
        "//fetch /a  ",
        "//fetch /b",
        "",
        ":::  ",
        "Question  ",
        "What?  ",
        ":::",
        "",
        "- item",
        "- item",
        "```",
        "x",
        "y",
        "```",
      ].join("\n"),
    );
  });

  it("leaves a fenced script's comments as they are, in the whole report or in a section alone", () => {
    const script = ["**Script**", "```sh", "# set -e", "echo ok", "```"].join("\n");
    expect(forDisplay(script)).toBe(["**Script**", "```sh", "# set -e", "echo ok", "```"].join("\n"));
    expect(forDisplay(`# Title\n\n${script}`)).toBe(`## Title\n\n${forDisplay(script)}`);
  });
});
