// The mastery command's exit codes, so a script can tell what went wrong without reading text.
export const EXIT = {
  ok: 0,
  /** The server failed (5xx) or answered something that is not the Mastery API. */
  failed: 1,
  /** The command line was wrong: unknown command or option, a missing argument, an unreadable file, no token. */
  usage: 2,
  /** The server refused the request (4xx): a rule of the plan, invalid input, a bad token, or no such thing. */
  refused: 3,
  /** The server could not be reached. */
  unreachable: 4,
  /** A pattern or playbook entry changed since the version the change was based on: read it again, then retry. */
  stale: 5,
  /** mastery check: a check failed, timed out or needs a tool that is not on PATH. */
  checkFailed: 6,
} as const;

export const EXIT_DESCRIPTIONS: [number, string][] = [
  [EXIT.ok, "done"],
  [EXIT.failed, "the server failed (5xx) or did not answer as the Mastery API"],
  [EXIT.usage, "usage error: unknown command or option, missing argument, unreadable file, no token configured, kit files that differ (without --force)"],
  [EXIT.refused, "refused by the server (4xx): a rule of the plan, invalid input, a bad or revoked token, not found"],
  [EXIT.unreachable, "cannot connect to the server"],
  [EXIT.stale, "the pattern or playbook entry changed since the --version given: get it again, then retry"],
  [EXIT.checkFailed, "mastery check: a check failed, timed out or needs a tool that is not on PATH"],
];

/** A failure with the exit code it ends the command with, and the server's error body if any. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);
