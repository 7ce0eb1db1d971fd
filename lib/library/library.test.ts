// Patterns and playbook entries against a real SQLite database: saves keep every version,
// per-learner rules, wiki-link resolution with backlinks and broken links, ticks and search.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";
import type { Actor } from "../auth/actor";

withTestDatabase("library-test-");
const { db } = await import("../db");
const { dialect } = await import("../env");
const patterns = await import("./patterns");
const playbook = await import("./playbook");
const { matchingPatternSlugs, searchLibrary, searchEverything } = await import("./search");
const { playbookPage } = await import("./playbook-pages");
const { parseChecklist, checklistKeys } = await import("./structure");

let ada: Actor;
let bo: Actor;
let adaLearner: string;
let boLearner: string;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "AppError" });
  return error as { code: string; message: string; fieldErrors: Record<string, string> };
}

const pattern = (overrides: Record<string, unknown> = {}) => ({
  title: "Batch independent reads",
  category: "speed",
  problem: "Round trips cost minutes.",
  whenToUse: "Several reads, none decides another.",
  howToApply: "Name every read in one request.",
  ...overrides,
});

beforeAll(async () => {
  const client = await db();
  const adaUser = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  const boUser = await client.user.create({ data: { name: "Bo", role: "learner", passphraseHash: "x" } });
  adaLearner = (await client.learner.create({ data: { name: "Ada", ownerId: adaUser.id, programSlug: "codex-mastery" } })).id;
  boLearner = (await client.learner.create({ data: { name: "Bo", ownerId: boUser.id, programSlug: "codex-mastery" } })).id;
  ada = { kind: "learner", userId: adaUser.id, label: "Ada" };
  bo = { kind: "learner", userId: boUser.id, label: "Bo" };
});

describe("patterns", () => {
  it("creates a pattern as version 1 and keeps every earlier text on each save", async () => {
    const row = await patterns.createPattern(ada, adaLearner, pattern({ tags: "context, reads", sourceModule: 3 }));
    expect(row).toMatchObject({ slug: "batch-independent-reads", version: 1, tags: ["context", "reads"], sourceModule: 3 });
    const saved = await patterns.updatePattern(
      ada,
      adaLearner,
      row.slug,
      pattern({ tags: "context, reads", sourceModule: 3, whenToUse: "Three or more reads." }),
      { expectedVersion: 1 },
    );
    expect(saved?.version).toBe(2);
    expect(
      await patterns.updatePattern(
        ada,
        adaLearner,
        row.slug,
        pattern({ tags: "context, reads", sourceModule: 3, whenToUse: "Three or more reads." }),
      ),
    ).toBeNull();
    await patterns.setPatternArchived(ada, adaLearner, row.slug, true);
    const history = await patterns.patternHistory(row.id);
    expect(history.map((v) => [v.version, v.data.whenToUse, v.data.archived])).toEqual([
      [3, "Three or more reads.", true],
      [2, "Three or more reads.", false],
      [1, "Several reads, none decides another.", false],
    ]);
    await patterns.setPatternArchived(ada, adaLearner, row.slug, false);
  });

  it("refuses a save based on an older version", async () => {
    const error = await refusal(
      patterns.updatePattern(ada, adaLearner, "batch-independent-reads", pattern({ whenToUse: "late" }), { expectedVersion: 1 }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("it is now version 4");
  });

  it("keeps slugs unique per learner, not across learners", async () => {
    const error = await refusal(patterns.createPattern(ada, adaLearner, pattern({ tags: "other" })));
    expect(error.fieldErrors).toEqual({ slug: "the slug “batch-independent-reads” is already used by “Batch independent reads”" });
    await expect(patterns.createPattern(bo, boLearner, pattern())).resolves.toMatchObject({ version: 1 });
  });

  it("refuses an unknown category with the list of known ones, and accepts an added one", async () => {
    const error = await refusal(patterns.createPattern(ada, adaLearner, pattern({ title: "Threat model first", category: "security" })));
    expect(error.fieldErrors.category).toBe('unknown category "security": choose one of speed, quality, debugging, planning, architecture');
    await patterns.addCategory(ada, adaLearner, { slug: "security" });
    await expect(
      patterns.createPattern(ada, adaLearner, pattern({ title: "Threat model first", category: "security" })),
    ).resolves.toMatchObject({ category: "security" });
    expect((await refusal(patterns.addCategory(ada, adaLearner, { slug: "Security!" }))).fieldErrors.slug).toContain("lowercase letters");
    expect(
      (await refusal(patterns.createPattern(bo, boLearner, pattern({ title: "Other", category: "security" })))).fieldErrors.category,
    ).toContain("unknown category");
  });

  it("checks the source module and exercise against the program", async () => {
    const error = await refusal(patterns.createPattern(ada, adaLearner, pattern({ title: "Nowhere", sourceModule: 42 })));
    expect(error.fieldErrors).toEqual({ sourceModule: "the program has no module 42" });
    const exercise = await refusal(
      patterns.createPattern(ada, adaLearner, pattern({ title: "Nowhere", sourceModule: 3, sourceExercise: "no-such-exercise" })),
    );
    expect(exercise.fieldErrors).toEqual({ sourceExercise: "Module 3 has no exercise “no-such-exercise”" });
  });

  it("lets only the owner change a library", async () => {
    const error = await refusal(patterns.createPattern(bo, adaLearner, pattern({ title: "Intruder" })));
    expect(error.code).toBe("forbidden");
  });

  it("lists, filters, sorts and counts", async () => {
    await patterns.createPattern(ada, adaLearner, pattern({ title: "Red-first contract", category: "quality", tags: "tests" }));
    const query = patterns.LibraryQuerySchema.parse({});
    expect((await patterns.listPatterns(adaLearner, query, patterns.PATTERNS_PER_PAGE.page)).paging).toMatchObject({
      total: 3,
      page: 1,
      pages: 1,
      outOfRange: false,
    });
    expect(await patterns.listPatterns(adaLearner, { ...query, page: 2 }, patterns.PATTERNS_PER_PAGE.page)).toMatchObject({
      items: [],
      paging: { outOfRange: true, pages: 1 },
    });
    expect(await patterns.listPatterns(adaLearner, { ...query, q: "reads", page: 9 }, patterns.PATTERNS_PER_PAGE.page)).toMatchObject({
      items: [],
      paging: { outOfRange: true },
    });
    expect(patterns.LibraryQuerySchema.parse({ page: "abc" }).page).toBe(1);
    expect(patterns.LibraryQuerySchema.parse({ page: "3" }).page).toBe(3);
    expect(
      (await patterns.listPatterns(adaLearner, { ...query, category: "quality" }, patterns.PATTERNS_PER_PAGE.page)).items.map(
        (p) => p.slug,
      ),
    ).toEqual(["red-first-contract"]);
    expect(
      (await patterns.listPatterns(adaLearner, { ...query, tag: "context" }, patterns.PATTERNS_PER_PAGE.page)).items.map((p) => p.slug),
    ).toEqual(["batch-independent-reads"]);
    expect(
      (await patterns.listPatterns(adaLearner, { ...query, sort: "title" }, patterns.PATTERNS_PER_PAGE.page)).items.map((p) => p.title),
    ).toEqual(["Batch independent reads", "Red-first contract", "Threat model first"]);
    const overview = await patterns.libraryOverview(adaLearner);
    expect(Object.fromEntries(overview.counts)).toEqual({ speed: 1, quality: 1, security: 1 });
    expect(overview.tags).toEqual([
      ["context", 1],
      ["reads", 1],
      ["tests", 1],
    ]);
  });

  // SQLite plans by the schema alone; PostgreSQL by its statistics too, so a three-row table tells nothing there.
  it.skipIf(dialect() !== "sqlite")("reads a page of the default order from an index instead of sorting the whole library", async () => {
    const plan = await (
      await db()
    ).$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT "id" FROM "Pattern" WHERE "learnerId" = ? AND "archived" = ? ORDER BY "updatedAt" DESC, "slug" ASC LIMIT 25`,
      adaLearner,
      false,
    );
    const steps = plan.map((step) => step.detail);
    expect(steps).toEqual([expect.stringMatching(/^SEARCH Pattern USING INDEX \S+ \(learnerId=\? AND archived=\?\)$/)]);
  });
});

describe("playbook entries and wiki-links", () => {
  it("resolves links to patterns, shows backlinks and reports broken links", async () => {
    await playbook.createEntry(ada, adaLearner, {
      title: "Before a bundle",
      kind: "checklist",
      body: "- [ ] Use [[batch-independent-reads]]\n- [ ] Check [[no-such-pattern]]\n\n`[[red-first-contract]]` in code is no link",
    });
    await playbook.createEntry(ada, adaLearner, {
      title: "Parallel or sequential?",
      kind: "decision-tree",
      body: "- Disjoint writes?\n  - yes: see [[batch-independent-reads]]\n  - no: go sequential",
    });
    await patterns.updatePattern(
      ada,
      adaLearner,
      "red-first-contract",
      pattern({ title: "Red-first contract", category: "quality", tags: "tests", alternatives: "[[batch-independent-reads]]" }),
    );
    const back = await playbook.backlinksTo(adaLearner, "batch-independent-reads");
    expect(back.entries.map((e) => e.slug)).toEqual(["before-a-bundle", "parallel-or-sequential"]);
    expect(back.patterns.map((p) => p.slug)).toEqual(["red-first-contract"]);
    expect((await playbook.backlinksTo(adaLearner, "red-first-contract")).entries).toEqual([]);
    expect((await playbookPage(adaLearner, { page: 1, all: false })).broken).toEqual([
      { kind: "playbook", slug: "before-a-bundle", title: "Before a bundle", broken: ["no-such-pattern"] },
    ]);
  });

  it("keeps entry versions and refuses a taken slug", async () => {
    const entry = (await playbook.getEntry(adaLearner, "before-a-bundle"))!;
    await playbook.updateEntry(ada, adaLearner, entry.slug, {
      title: "Before a bundle",
      kind: "checklist",
      body: "- [ ] Use [[batch-independent-reads]]",
    });
    expect((await playbook.entryHistory(entry.id)).map((v) => v.version)).toEqual([2, 1]);
    const error = await refusal(playbook.createEntry(ada, adaLearner, { title: "Before a bundle", kind: "scenario", body: "x" }));
    expect(error.fieldErrors.slug).toContain("already used");
  });

  it("persists ticks per item and refuses an item that is not in the checklist", async () => {
    const entry = (await playbook.getEntry(adaLearner, "before-a-bundle"))!;
    const [key] = checklistKeys(parseChecklist(entry.body));
    await playbook.setTick(ada, adaLearner, entry.slug, key!, true);
    await playbook.setTick(ada, adaLearner, entry.slug, key!, true);
    expect((await playbook.ticksFor([entry.id])).get(entry.id)).toEqual(new Set([key]));
    await playbook.setTick(ada, adaLearner, entry.slug, key!, false);
    expect((await playbook.ticksFor([entry.id])).get(entry.id)).toBeUndefined();
    expect((await refusal(playbook.setTick(ada, adaLearner, entry.slug, "nope", true))).code).toBe("not-found");
    expect((await refusal(playbook.setTick(bo, adaLearner, entry.slug, key!, true))).code).toBe("forbidden");
  });
});

describe("search", () => {
  it("finds the learner's own patterns and entries, and joins the app-wide search", async () => {
    expect((await searchLibrary(adaLearner, "round trips")).map((h) => h.id)).toEqual(
      expect.arrayContaining(["pattern:batch-independent-reads"]),
    );
    const [disjoint, ...others] = await searchLibrary(adaLearner, "disjoint");
    expect([disjoint!.id, others]).toEqual(["playbook:parallel-or-sequential", []]);
    expect(disjoint!.snippet.toLowerCase()).toContain("disjoint");
    expect(await matchingPatternSlugs(adaLearner, "disjoint")).toEqual([]);
    // The title names it; another pattern only links to it.
    expect(await matchingPatternSlugs(adaLearner, "independent")).toEqual(["batch-independent-reads", "red-first-contract"]);
    const listed = await patterns.listPatterns(
      adaLearner,
      patterns.LibraryQuerySchema.parse({ q: "independent" }),
      patterns.PATTERNS_PER_PAGE.page,
    );
    expect(listed.items.map((p) => p.slug)).toEqual(["batch-independent-reads", "red-first-contract"]);
    await patterns.updatePattern(
      ada,
      adaLearner,
      "threat-model-first",
      pattern({ title: "Threat model first", category: "security", howToApply: "Draw the zanzibar diagram." }),
    );
    const zanzibar = await searchLibrary(adaLearner, "zanzibar");
    expect(zanzibar.map((h) => [h.url, h.title])).toEqual([["/patterns/threat-model-first", "Threat model first"]]);
    // The snippet is from the text as saved now, around the word found.
    expect(zanzibar[0]!.snippet).toContain("Draw the zanzibar diagram.");
    expect(await searchLibrary(boLearner, "zanzibar")).toEqual([]);
    const everything = await searchEverything(adaLearner, "zanzibar");
    expect(everything.map((h) => h.kind)).toEqual(["pattern"]);
    expect((await searchEverything(undefined, "context budget")).every((h) => h.kind !== "pattern")).toBe(true);
  });

  it("keeps a learner's index up to date through new, changed and archived texts", async () => {
    const client = await db();
    const user = await client.user.create({ data: { name: "Dee", role: "learner", passphraseHash: "x" } });
    const dee = (await client.learner.create({ data: { name: "Dee", ownerId: user.id, programSlug: "codex-mastery" } })).id;
    const actor: Actor = { kind: "learner", userId: user.id, label: "Dee" };
    const found = async (q: string) => (await searchLibrary(dee, q)).map((h) => h.id);
    await patterns.createPattern(actor, dee, pattern({ title: "Quokka first", howToApply: "Count the numbats." }));
    expect(await found("numbats")).toEqual(["pattern:quokka-first"]);
    await patterns.updatePattern(actor, dee, "quokka-first", pattern({ title: "Quokka first", howToApply: "Count the wombats." }));
    await playbook.createEntry(actor, dee, { title: "Wombat drill", kind: "scenario", body: "When wombats appear." });
    expect(await found("wombats")).toEqual(expect.arrayContaining(["pattern:quokka-first", "playbook:wombat-drill"]));
    expect((await searchLibrary(dee, "count wombats"))[0]!.snippet).toContain("Count the wombats.");
    expect(await found("numbats")).toEqual([]);
    await playbook.setEntryArchived(actor, dee, "wombat-drill", true);
    expect(await found("wombats")).toEqual(["pattern:quokka-first"]);
    await playbook.setEntryArchived(actor, dee, "wombat-drill", false);
    expect(await found("appear")).toEqual(["playbook:wombat-drill"]);
    expect(await found("wombats")).toHaveLength(2);
  });

  it("loads a learner's index from its serialized form once the index itself is no longer kept, and brings it up to date", async () => {
    const client = await db();
    const user = await client.user.create({ data: { name: "Eli", role: "learner", passphraseHash: "x" } });
    const eli = (await client.learner.create({ data: { name: "Eli", ownerId: user.id, programSlug: "codex-mastery" } })).id;
    const actor: Actor = { kind: "learner", userId: user.id, label: "Eli" };
    await patterns.createPattern(actor, eli, pattern({ title: "Axolotl review", howToApply: "Name the axolotls." }));
    const before = await searchLibrary(eli, "axolotls");
    // As when the libraries searched since have pushed it out: only the serialized form is left.
    const kept = (globalThis as unknown as { masteryStampedMemos: Map<string, { delete: (key: string) => void }> }).masteryStampedMemos;
    kept.get("library: search")!.delete(eli);
    expect(await searchLibrary(eli, "axolotls")).toEqual(before);
    kept.get("library: search")!.delete(eli);
    await patterns.updatePattern(actor, eli, "axolotl-review", pattern({ title: "Axolotl review", howToApply: "Name the salamanders." }));
    expect((await searchLibrary(eli, "salamanders")).map((h) => h.id)).toEqual(["pattern:axolotl-review"]);
    expect(await searchLibrary(eli, "axolotls")).toEqual([
      expect.objectContaining({ id: "pattern:axolotl-review", title: "Axolotl review" }),
    ]);
    expect(await matchingPatternSlugs(eli, "name")).toEqual(["axolotl-review"]);
  });
});

describe("the playbook page", () => {
  it("reads one page of entries in full, in part order, with the broken-links report kept current across saves", async () => {
    for (let i = 1; i <= 12; i++) {
      await playbook.createEntry(bo, boLearner, { title: `Scenario ${String(i).padStart(2, "0")}`, kind: "scenario", body: `Case ${i}.` });
    }
    for (let i = 1; i <= 10; i++) {
      await playbook.createEntry(bo, boLearner, {
        title: `Checklist ${String(i).padStart(2, "0")}`,
        kind: "checklist",
        body: `- [ ] step ${i}`,
      });
    }
    await playbook.createEntry(bo, boLearner, { title: "Zeta reference", kind: "quick-reference", body: "See [[nowhere]]." });

    const first = await playbookPage(boLearner, { page: 1, all: false });
    expect(first.paging).toMatchObject({ page: 1, pages: 2, total: 23, from: 0, to: 20, outOfRange: false });
    expect(first.contents.map((e) => e.title).slice(0, 3)).toEqual(["Zeta reference", "Scenario 01", "Scenario 02"]);
    expect(first.parts.map((p) => [p.part.name, p.total, p.entries.length, p.startPage])).toEqual([
      ["index", 1, 1, 1],
      ["scenarios", 12, 12, 1],
      ["checklists", 10, 7, 1],
    ]);
    expect(first.parts[1]!.entries[0]).toMatchObject({ title: "Scenario 01", body: "Case 1." });
    expect(first.broken).toEqual([{ kind: "playbook", slug: "zeta-reference", title: "Zeta reference", broken: ["nowhere"] }]);

    const second = await playbookPage(boLearner, { page: 2, all: false });
    expect(second.parts.filter((p) => p.shown).map((p) => [p.part.name, p.first, p.entries.map((e) => e.title)])).toEqual([
      ["checklists", 7, ["Checklist 08", "Checklist 09", "Checklist 10"]],
    ]);
    const past = await playbookPage(boLearner, { page: 3, all: false });
    expect(past.paging.outOfRange).toBe(true);
    expect(past.parts.some((p) => p.shown)).toBe(false);
    const all = await playbookPage(boLearner, { page: 2, all: true });
    expect(all.paging).toMatchObject({ page: 1, pages: 1, from: 0, to: 23 });
    expect(all.parts.flatMap((p) => p.entries)).toHaveLength(23);

    await playbook.updateEntry(bo, boLearner, "zeta-reference", {
      title: "Zeta reference",
      kind: "quick-reference",
      body: "See [[elsewhere]].",
    });
    expect((await playbookPage(boLearner, { page: 1, all: false })).broken.map((b) => b.broken)).toEqual([["elsewhere"]]);
    await patterns.createPattern(bo, boLearner, pattern({ title: "Elsewhere" }));
    expect((await playbookPage(boLearner, { page: 1, all: false })).broken).toEqual([]);
    await playbook.setEntryArchived(bo, boLearner, "scenario-01", true);
    const afterArchive = await playbookPage(boLearner, { page: 1, all: false });
    expect(afterArchive.archived.map((e) => e.slug)).toEqual(["scenario-01"]);
    expect(afterArchive.paging.total).toBe(22);
  });

  it("holds fewer entries on a page when they are long, and gives an entry longer than a page's text a page of its own", async () => {
    const client = await db();
    const user = await client.user.create({ data: { name: "Cy", role: "learner", passphraseHash: "x" } });
    const cyLearner = (await client.learner.create({ data: { name: "Cy", ownerId: user.id, programSlug: "codex-mastery" } })).id;
    const cy: Actor = { kind: "learner", userId: user.id, label: "Cy" };
    const sizes = { a: 100, b: 12_000, c: 9_000, d: 25_000, e: 100 };
    for (const [name, size] of Object.entries(sizes)) {
      await playbook.createEntry(cy, cyLearner, { title: `Scenario ${name}`, kind: "scenario", body: "x".repeat(size) });
    }
    const titlesOn = async (page: number) =>
      (await playbookPage(cyLearner, { page, all: false })).parts.flatMap((p) => p.entries.map((e) => e.title.slice(-1)));
    expect((await playbookPage(cyLearner, { page: 1, all: false })).pages).toBe(4);
    expect([await titlesOn(1), await titlesOn(2), await titlesOn(3), await titlesOn(4)]).toEqual([["a", "b"], ["c"], ["d"], ["e"]]);
    const guide = (await playbookPage(cyLearner, { page: 2, all: false })).guide!;
    expect(guide.find((g) => g.part.name === "scenarios")!.pages.map((p) => [p.page, p.first.title, p.last.title])).toEqual([
      [1, "Scenario a", "Scenario b"],
      [2, "Scenario c", "Scenario c"],
      [3, "Scenario d", "Scenario d"],
      [4, "Scenario e", "Scenario e"],
    ]);
    const all = await playbookPage(cyLearner, { page: 1, all: true });
    expect([all.paging.pages, all.pages, all.guide, all.parts.flatMap((p) => p.entries).length]).toEqual([1, 4, null, 5]);

    // Lines weigh more than their characters: two short-lined checklists of 200 items do not share a page.
    const items = Array.from({ length: 200 }, (_, i) => `- [ ] step ${i}`).join("\n");
    for (const name of ["f", "g"])
      await playbook.createEntry(cy, cyLearner, { title: `Checklist ${name}`, kind: "checklist", body: items });
    expect(items.length).toBeLessThan(3_000);
    expect([await titlesOn(4), await titlesOn(5)]).toEqual([["e", "f"], ["g"]]);
  });
});
