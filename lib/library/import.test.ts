// Export and import against a real database: the same library in a fresh profile, conflicts
// listed before anything is written, bad files named, and nothing half-imported.
import { unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";
import type { Actor } from "../auth/actor";

withTestDatabase("library-import-");
const { db } = await import("../db");
const { addCategory, createPattern, updatePattern, setPatternArchived } = await import("./patterns");
const { backlinksTo, createEntry, setTick } = await import("./playbook");
const { checklistKeys, parseChecklist } = await import("./structure");
const { escapeTitle } = await import("./markdown-text");
const { LINK_STYLES } = await import("./wiki-links");
const { exportLibraryZip, exportPlaybookMarkdown, loadBundle } = await import("./export");
const { applyImport, planImport, readUpload } = await import("./import");
const { hostileEntry, hostilePattern, prng } = await import("./sample-library");
const { hostileZip } = await import("../hostile-zip");

type Person = { actor: Actor; learnerId: string };
const encode = (text: string) => new TextEncoder().encode(text);
let people = 0;

async function person(name: string): Promise<Person> {
  const client = await db();
  const user = await client.user.create({ data: { name: `${name}-${people++}`, role: "learner", passphraseHash: "x" } });
  const learner = await client.learner.create({ data: { name, ownerId: user.id, programSlug: "codex-mastery" } });
  return { actor: { kind: "learner", userId: user.id, label: name }, learnerId: learner.id };
}

async function importInto(who: Person, uploads: { name: string; bytes: Uint8Array }[], keep: string[] = []) {
  const parsed = await readUpload(uploads);
  const plan = await planImport(who.learnerId, parsed);
  return {
    plan,
    result:
      plan.problems.length === 0 ? await applyImport(who.actor, who.learnerId, parsed, { fingerprint: plan.fingerprint, keep }) : null,
  };
}

async function counts(learnerId: string) {
  const client = await db();
  return {
    patterns: await client.pattern.count({ where: { learnerId } }),
    entries: await client.playbookEntry.count({ where: { learnerId } }),
    versions: await client.patternVersion.count({ where: { pattern: { learnerId } } }),
  };
}

let ada: Person;

beforeAll(async () => {
  ada = await person("Ada");
  await addCategory(ada.actor, ada.learnerId, { slug: "security" });
  await addCategory(ada.actor, ada.learnerId, { slug: "unused-category" });
  const random = prng(42);
  for (let i = 0; i < 12; i++) {
    const data = hostilePattern(
      random,
      i === 0 ? "alpha" : i === 1 ? "beta" : `pattern-${i}`,
      random.pick(["speed", "quality", "security"]),
    );
    await createPattern(ada.actor, ada.learnerId, { ...data, sourceModule: null, archived: false });
    if (data.archived) await setPatternArchived(ada.actor, ada.learnerId, data.slug, true);
  }
  for (let i = 0; i < 8; i++) await createEntry(ada.actor, ada.learnerId, { ...hostileEntry(random, `entry-${i}`), archived: false });
  const checklist = await createEntry(ada.actor, ada.learnerId, {
    title: "Before a bundle",
    kind: "checklist",
    body: "- [ ] apply [[alpha]]\n- [ ] and [[missing-one]]",
  });
  await setTick(ada.actor, ada.learnerId, checklist.slug, checklistKeys(parseChecklist(checklist.body))[1]!, true);
});

describe("backlinks", () => {
  it("order by title then slug, so an imported library shows them in the same order", async () => {
    const bob = await person("Bob");
    await createPattern(bob.actor, bob.learnerId, { title: "Target", category: "speed", problem: "p", whenToUse: "w", howToApply: "h" });
    for (const slug of ["z-twin", "y-twin"]) {
      await createPattern(bob.actor, bob.learnerId, {
        title: "Twin",
        slug,
        category: "speed",
        problem: "See [[target]].",
        whenToUse: "w",
        howToApply: "h",
      });
    }
    for (const slug of ["b-same", "a-same", "c-first"]) {
      await createEntry(bob.actor, bob.learnerId, {
        title: slug === "c-first" ? "First" : "Same",
        slug,
        kind: "scenario",
        body: "Use [[target]].",
      });
    }
    const order = async (learnerId: string) => {
      const back = await backlinksTo(learnerId, "target");
      return [back.entries.map((e) => e.slug), back.patterns.map((p) => p.slug)];
    };
    expect(await order(bob.learnerId)).toEqual([
      ["c-first", "a-same", "b-same"],
      ["y-twin", "z-twin"],
    ]);
    const cal = await person("Cal");
    await importInto(cal, [{ name: "library.zip", bytes: await exportLibraryZip(bob.learnerId) }]);
    expect(await order(cal.learnerId)).toEqual(await order(bob.learnerId));
  });
});

describe("export → import → export", () => {
  it("gives a fresh profile the same library, and the same zip bytes", async () => {
    const zip = await exportLibraryZip(ada.learnerId);
    const ivo = await person("Ivo");
    const { plan, result } = await importInto(ivo, [{ name: "library.zip", bytes: zip }]);
    expect(plan.problems).toEqual([]);
    expect(plan.newCategories).toEqual(["security", "unused-category"]);
    expect(result).toMatchObject({ created: 21, updated: 0, categories: 2 });
    expect(await loadBundle(ivo.learnerId)).toEqual(await loadBundle(ada.learnerId));
    expect(await exportLibraryZip(ivo.learnerId)).toEqual(zip);
  });

  it.each(LINK_STYLES)("gives a fresh profile the same library with its ticks, and the same bytes, in %s links", async (links) => {
    const zip = await exportLibraryZip(ada.learnerId, { links, ticks: true });
    const text = await exportPlaybookMarkdown(ada.learnerId, { links, ticks: true });
    expect(text).toContain("- [x] and [[missing-one]]");
    const tia = await person("Tia");
    expect((await importInto(tia, [{ name: "library.zip", bytes: zip }])).plan.problems).toEqual([]);
    expect(await loadBundle(tia.learnerId, true)).toEqual(await loadBundle(ada.learnerId, true));
    expect(await exportLibraryZip(tia.learnerId, { links, ticks: true })).toEqual(zip);
    const uma = await person("Uma");
    expect((await importInto(uma, [{ name: "playbook.md", bytes: encode(text) }])).plan.problems).toEqual([]);
    expect(await exportPlaybookMarkdown(uma.learnerId, { links, ticks: true })).toBe(text);
  });

  it("does the same with the single playbook file", async () => {
    const text = await exportPlaybookMarkdown(ada.learnerId);
    const alpha = (await loadBundle(ada.learnerId)).patterns.find((p) => p.slug === "alpha")!;
    expect(text).toContain(`- [ ] apply [${escapeTitle(alpha.title)}](#pattern-alpha)`);
    const eve = await person("Eve");
    const { plan } = await importInto(eve, [{ name: "playbook.md", bytes: encode(text) }]);
    expect(plan.problems).toEqual([]);
    expect(await exportPlaybookMarkdown(eve.learnerId)).toBe(text);
  });

  it("reads a folder of files by their relative paths", async () => {
    const files = unzipSync(await exportLibraryZip(ada.learnerId));
    const uploads = Object.entries(files).map(([name, bytes]) => ({ name: `export/${name}`, bytes }));
    const fay = await person("Fay");
    const { result } = await importInto(fay, [...uploads, { name: "export/notes.txt", bytes: encode("x") }]);
    expect(result?.created).toBe(21);
    expect(await exportLibraryZip(fay.learnerId)).toEqual(await exportLibraryZip(ada.learnerId));
  });

  it("imports a zip holding exactly one pattern file", async () => {
    const files = unzipSync(await exportLibraryZip(ada.learnerId));
    const only = Object.keys(files).find((name) => name.endsWith("/alpha.md"))!;
    const kit = await person("Kit");
    const { plan, result } = await importInto(kit, [{ name: "alpha.zip", bytes: zipSync({ [only]: files[only]! }) }]);
    expect(plan.problems).toEqual([]);
    expect(result).toMatchObject({ created: 1 });
    expect((await loadBundle(kit.learnerId)).patterns.map((p) => p.slug)).toEqual(["alpha"]);
  });

  it("changes nothing when importing a library's own export", async () => {
    const before = await counts(ada.learnerId);
    const { plan, result } = await importInto(ada, [{ name: "library.zip", bytes: await exportLibraryZip(ada.learnerId) }]);
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 21 });
    expect(await counts(ada.learnerId)).toEqual(before);
  });
});

describe("conflicts", () => {
  it("lists entries that differ before writing, updates them as a new version, and keeps the ones asked to", async () => {
    const gus = await person("Gus");
    const common = { category: "speed", problem: "p", whenToUse: "w", howToApply: "h" };
    await createPattern(gus.actor, gus.learnerId, { ...common, title: "Alpha", slug: "alpha" });
    await createPattern(gus.actor, gus.learnerId, { ...common, title: "Beta", slug: "beta" });
    await createEntry(gus.actor, gus.learnerId, { title: "Same", slug: "same", kind: "scenario", body: "unchanged" });
    const exported = await exportLibraryZip(gus.learnerId);

    await updatePattern(gus.actor, gus.learnerId, "alpha", { ...common, title: "Alpha", slug: "alpha", whenToUse: "changed here" });
    await updatePattern(gus.actor, gus.learnerId, "beta", { ...common, title: "Beta renamed", slug: "beta" });
    await createPattern(gus.actor, gus.learnerId, { ...common, title: "Gamma", slug: "gamma" });

    const parsed = await readUpload([{ name: "old.zip", bytes: exported }]);
    const plan = await planImport(gus.learnerId, parsed);
    expect(plan.update.map((i) => [i.slug, i.currentVersion, i.changes])).toEqual([
      ["alpha", 2, ["when to use"]],
      ["beta", 2, ["title"]],
    ]);
    expect(plan.unchanged.map((i) => i.slug)).toEqual(["same"]);
    expect(plan.create).toEqual([]);
    const result = await applyImport(gus.actor, gus.learnerId, parsed, { fingerprint: plan.fingerprint, keep: ["pattern:beta"] });
    expect(result).toMatchObject({ updated: 1, kept: 1, unchanged: 1 });
    const client = await db();
    expect(
      await client.pattern.findMany({
        where: { learnerId: gus.learnerId },
        orderBy: { slug: "asc" },
        select: { slug: true, version: true, whenToUse: true, title: true },
      }),
    ).toEqual([
      { slug: "alpha", version: 3, whenToUse: "w", title: "Alpha" },
      { slug: "beta", version: 2, whenToUse: "w", title: "Beta renamed" },
      { slug: "gamma", version: 1, whenToUse: "w", title: "Gamma" },
    ]);
  });

  it("refuses to apply a preview once the library changed", async () => {
    const hal = await person("Hal");
    const zip = await exportLibraryZip(ada.learnerId);
    const parsed = await readUpload([{ name: "a.zip", bytes: zip }]);
    const plan = await planImport(hal.learnerId, parsed);
    await createPattern(hal.actor, hal.learnerId, {
      title: "Alpha",
      slug: "alpha",
      category: "speed",
      problem: "p",
      whenToUse: "w",
      howToApply: "h",
    });
    const error = await applyImport(hal.actor, hal.learnerId, parsed, { fingerprint: plan.fingerprint }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict" });
    expect(await counts(hal.learnerId)).toMatchObject({ patterns: 1, entries: 0 });
  });
});

describe("bad uploads", () => {
  async function zipWith(change: (files: Record<string, Uint8Array>) => void) {
    const files = unzipSync(await exportLibraryZip(ada.learnerId));
    change(files);
    return zipSync(files);
  }

  it("names each bad file and imports nothing", async () => {
    const zip = await zipWith((files) => {
      files["docs/patterns/speed/broken.md"] = encode(
        "---\ntitle: Broken\nslug: broken\ncategory: speed\n---\n\n# Broken\n\n## When to use\n\nonly this\n",
      );
      files["docs/patterns/quality/bad-yaml.md"] = encode("---\ntitle: [oops\n---\n");
      files["docs/playbook/scenarios.md"] = encode(
        new TextDecoder().decode(files["docs/playbook/scenarios.md"]) + '\n<!-- mastery:entry slug="x" kind="poem" -->\n## Poem\n\ntext\n',
      );
    });
    const ivy = await person("Ivy");
    const { plan, result } = await importInto(ivy, [{ name: "bad.zip", bytes: zip }]);
    expect(result).toBeNull();
    expect(plan.problems).toEqual(
      expect.arrayContaining([
        { file: "docs/patterns/speed/broken.md", message: "pattern broken: problem: describe the problem and its context" },
        { file: "docs/patterns/speed/broken.md", message: "pattern broken: howToApply: say how to apply it" },
        { file: "docs/patterns/quality/bad-yaml.md", message: expect.stringMatching(/^line \d/) },
        {
          file: "docs/playbook/scenarios.md",
          message: "entry x: kind: choose a kind: quick-reference, scenario, checklist, decision-tree",
        },
      ]),
    );
    const parsed = await readUpload([{ name: "bad.zip", bytes: zip }]);
    const error = await applyImport(ivy.actor, ivy.learnerId, parsed, { fingerprint: plan.fingerprint }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid", message: "Nothing was imported: 4 problems in the upload." });
    expect(await counts(ivy.learnerId)).toEqual({ patterns: 0, entries: 0, versions: 0 });
    expect(await (await db()).patternCategory.count({ where: { learnerId: ivy.learnerId } })).toBe(0);
  });

  it("refuses duplicates, unreadable archives, non-UTF-8 text and stray Markdown files", async () => {
    const dup = await zipWith((files) => {
      const name = Object.keys(files).find((n) => n.endsWith("/alpha.md"))!;
      const text = new TextDecoder().decode(files[name]).replace(/^category: .*$/m, "category: planning");
      files["docs/patterns/planning/alpha.md"] = encode(text);
    });
    const dupPlan = await planImport(ada.learnerId, await readUpload([{ name: "dup.zip", bytes: dup }]));
    expect(dupPlan.problems).toEqual([
      {
        file: expect.stringMatching(/alpha\.md$/),
        message: expect.stringMatching(/^pattern alpha appears twice \(also in docs\/patterns\/\w+\/alpha\.md\)$/),
      },
    ]);
    expect((await readUpload([{ name: "x.zip", bytes: encode("not a zip") }])).problems).toEqual([
      { file: "x.zip", message: "is not a readable zip archive" },
    ]);
    expect((await readUpload([{ name: "notes.md", bytes: new Uint8Array([0xff, 0xfe, 0x41]) }])).problems).toEqual([
      { file: "notes.md", message: "is not UTF-8 text" },
    ]);
    expect((await readUpload([{ name: "notes.md", bytes: encode("# just notes") }])).problems[0]).toMatchObject({
      file: "notes.md",
      message: expect.stringContaining("is not an exported playbook file"),
    });
    expect((await readUpload([{ name: "empty.zip", bytes: zipSync({ "a.txt": encode("x") }) }])).problems[0]).toMatchObject({
      file: "empty.zip",
      message: expect.stringContaining("holds no library files"),
    });
  });

  it("refuses a zip whose headers claim 100 bytes per file while it inflates to 9 GB, at the limit, without stopping other work", async () => {
    const bomb = hostileZip([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `docs/patterns/speed/bomb-${i}.md`));
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const started = performance.now();
    const parsed = await readUpload([{ name: "bomb.zip", bytes: bomb }]);
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(parsed.problems).toEqual([{ file: "bomb.zip", message: "unpacks to more than 50 MB" }]);
    expect(elapsed).toBeLessThan(10_000);
    expect(turns).toBeGreaterThan(0);
    const ned = await person("Ned");
    const plan = await planImport(ned.learnerId, parsed);
    const error = await applyImport(ned.actor, ned.learnerId, parsed, { fingerprint: plan.fingerprint }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid", fieldErrors: { files: "bomb.zip: unpacks to more than 50 MB" } });
    expect(await counts(ned.learnerId)).toEqual({ patterns: 0, entries: 0, versions: 0 });
  }, 60_000);

  it("refuses a zip of more than 5,000 files", async () => {
    const many = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`notes/n-${i}.txt`, encode("x")]));
    expect((await readUpload([{ name: "many.zip", bytes: zipSync(many) }])).problems).toEqual([
      { file: "many.zip", message: "holds more than 5000 files" },
    ]);
  });

  it("refuses an unknown source module by file", async () => {
    const zip = await zipWith((files) => {
      files["docs/patterns/speed/far.md"] = encode(
        "---\ntitle: Far\nslug: far\ncategory: speed\nsource:\n  module: 99\n---\n\n# Far\n\n## Problem and context\n\np\n\n## When to use\n\nw\n\n## How to apply\n\nh\n",
      );
    });
    const plan = await planImport(ada.learnerId, await readUpload([{ name: "far.zip", bytes: zip }]));
    expect(plan.problems).toEqual([
      { file: "docs/patterns/speed/far.md", message: "pattern far: sourceModule: the program has no module 99" },
    ]);
  });
});
