import { describe, expect, it } from "vitest";
import { cutAroundSection } from "./markdown-source";

describe("cutAroundSection", () => {
  const body = "Intro text.\n\n## How it runs\n\nSteps.\n\n## Learning path\n\n1. First\n2. Second\n\n```md\n## Not a heading\n```\n\n## Hours\n\nAbout 50.";

  it("returns what comes before, the section's own content and what comes after", () => {
    expect(cutAroundSection(body, "learning path")).toEqual({
      before: "Intro text.\n\n## How it runs\n\nSteps.",
      content: "1. First\n2. Second\n\n```md\n## Not a heading\n```",
      after: "## Hours\n\nAbout 50.",
    });
  });

  it("is null when the body has no such section", () => {
    expect(cutAroundSection(body, "Modules")).toBeNull();
    expect(cutAroundSection("## Not a heading in prose? no\n", "Learning path")).toBeNull();
  });

  it("leaves an empty part empty when the section is first or last", () => {
    expect(cutAroundSection("## Hours\n\nAbout 50.", "Hours")).toEqual({ before: "", content: "About 50.", after: "" });
  });
});
