// What makes rejection feedback actionable (template §7): written, and naming at least one
// concrete thing to change, as a list item or a comment pinned to an evidence item.
const ACTION_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+\S.{4,}/m;

export function feedbackProblem(feedback: string, pinnedComments: number): string | null {
  const text = feedback.trim();
  if (text.length === 0) return "Write feedback: a rejection must tell the learner what to change.";
  if (text.length < 20) return "The feedback is too short to act on: say what to change and why.";
  if (!ACTION_ITEM.test(text) && pinnedComments === 0) {
    return 'Name at least one thing to change, as a list item (for example "- Attach the timing log for drill 2") or as a comment pinned to an evidence item.';
  }
  return null;
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$/;

/**
 * Rejection feedback split into its prose and its list items: each item becomes a line of the
 * learner's rework checklist. An indented line after an item continues it.
 */
export function splitFeedback(feedback: string): { prose: string; items: string[] } {
  const prose: string[] = [];
  const items: string[] = [];
  let inItem = false;
  for (const line of feedback.split(/\r?\n/)) {
    const item = LIST_ITEM.exec(line);
    if (item?.[1]?.trim()) {
      items.push(item[1].trim());
      inItem = true;
    } else if (inItem && /^\s+\S/.test(line)) {
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      inItem = false;
      prose.push(line);
    }
  }
  return { prose: prose.join("\n").trim(), items };
}
