// A submission with a form key runs once: a repeat gets the first answer, a refused one frees the key.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../test/database";

withTestDatabase("form-submissions-test-");
const { db } = await import("./db");
const { submitOnce } = await import("./form-submissions");

type State = { done?: string; message?: string };
const running = (message: string): State => ({ message });

describe("submitOnce", () => {
  it("runs the first submission, and answers a repeat of its key with the stored answer without running it", async () => {
    let runs = 0;
    const submit = async () => ({ answer: { state: { done: `Saved ${++runs}` }, next: "/packet" }, keep: true });
    expect(await submitOnce<State>("u1", "a".repeat(32), submit, running)).toEqual({ state: { done: "Saved 1" }, next: "/packet" });
    expect(await submitOnce<State>("u1", "a".repeat(32), submit, running)).toEqual({ state: { done: "Saved 1" }, next: "/packet" });
    expect(runs).toBe(1);
    // The same key from another person is another submission.
    expect(await submitOnce<State>("u2", "a".repeat(32), submit, running)).toEqual({ state: { done: "Saved 2" }, next: "/packet" });
  });

  it("frees the key of a submission whose answer is not kept, and of one that throws, so a retry runs", async () => {
    let runs = 0;
    const refused = async () => ({ answer: { state: { message: `Refused ${++runs}` } }, keep: false });
    expect(await submitOnce<State>("u1", "b".repeat(32), refused, running)).toEqual({ state: { message: "Refused 1" } });
    expect(await submitOnce<State>("u1", "b".repeat(32), refused, running)).toEqual({ state: { message: "Refused 2" } });
    await expect(submitOnce<State>("u1", "c".repeat(32), () => Promise.reject(new Error("boom")), running)).rejects.toThrow("boom");
    expect(await submitOnce<State>("u1", "c".repeat(32), async () => ({ answer: { state: { done: "ok" } }, keep: true }), running)).toEqual(
      {
        state: { done: "ok" },
      },
    );
  });

  it("tells a repeat that arrives while the first submission still runs, and runs it once", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const slow = async () => {
      runs++;
      await gate;
      return { answer: { state: { done: "Saved" } }, keep: true };
    };
    const first = submitOnce<State>("u1", "d".repeat(32), slow, running);
    await expect.poll(async () => (await db()).formSubmission.count({ where: { key: "d".repeat(32) } })).toBe(1);
    const repeat = await submitOnce<State>("u1", "d".repeat(32), slow, running);
    expect(repeat.state.message).toMatch(/still being saved/);
    release();
    expect(await first).toEqual({ state: { done: "Saved" } });
    expect(runs).toBe(1);
  });
});
