// The status part of a learner's packet page: start or unblock, the timer, earlier attempts, and
// blocking the packet, which sits in a "More actions" menu.
import { blockAction, startAction, unblockAction } from "@/app/programs/[program]/modules/[module]/packet/actions";
import { TimerPanel } from "@/components/progress/timer-panel";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import type { Program } from "@/lib/content";

type Props = {
  program: Program;
  moduleNumber: number;
  status: string;
  /** The current attempt's id, once the module is started. */
  packetId: string | undefined;
  attempts: { attempt: number; status: string }[];
  running: Parameters<typeof TimerPanel>[0]["running"];
};

/** What the learner can do with the packet now (start, block, unblock or wait), its timer and the earlier attempts. */
export function StatusForms({ program, moduleNumber, status, packetId, attempts, running }: Props) {
  return (
    <>
      {status === "pending" || status === "completed" || status === "blocked" ? (
        <ActionForm action={startAction} label="Start">
          <input type="hidden" name="moduleNumber" value={moduleNumber} />
          <input type="hidden" name="restart" value={status === "pending" ? "false" : "true"} />
          <p className="mb-3 text-sm text-muted">
            {status === "pending"
              ? "Starting writes the first plan-log entry."
              : `${status === "blocked" ? "Stuck? " : "This module is completed. "}A new attempt keeps every earlier one intact.`}
          </p>
          <SubmitButton tone={status === "blocked" ? "plain" : "primary"}>
            {status === "pending" ? "Start this module" : "Start a new attempt"}
          </SubmitButton>
        </ActionForm>
      ) : null}
      {status === "blocked" && packetId ? (
        <ActionForm action={unblockAction} label="Unblock">
          <input type="hidden" name="packetId" value={packetId} />
          <Field name="reason" label="What removed the blocker (optional)" />
          <SubmitButton>Unblock</SubmitButton>
        </ActionForm>
      ) : null}
      {status === "review_required" ? (
        <p className="card p-4">
          Submitted. The packet waits for your reviewer&apos;s sign-off; you can still add evidence, which the reviewer sees as a delta.
        </p>
      ) : null}
      <TimerPanel program={program} running={running} target={{ value: String(moduleNumber), label: "this packet" }} now={new Date()} />
      {attempts.length > 1 ? (
        <p className="text-sm text-muted">
          Earlier attempts:{" "}
          {attempts
            .slice(0, -1)
            .map((a) => `#${a.attempt} (${a.status})`)
            .join(", ")}
        </p>
      ) : null}
      {status === "in_progress" && packetId ? (
        <details className="card p-3 text-sm">
          <summary className="cursor-pointer font-medium">More actions</summary>
          <ActionForm action={blockAction} label="Block" className="mt-3">
            <input type="hidden" name="packetId" value={packetId} />
            <Field name="reason" label="Blocked? Say why" hint="Shown to your reviewer and written to the plan log." />
            <SubmitButton tone="plain">Block the packet</SubmitButton>
          </ActionForm>
        </details>
      ) : null}
    </>
  );
}
