/**
 * The one error type for problems the user can fix: bad input, a missing file,
 * an unknown question id. The CLI prints its message on one line and exits with
 * `exitCode`; anything else that escapes is a bug and gets a stack trace under
 * `--debug`.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly exitCode: number = 1,
    /** Extra lines printed after the message (e.g. every problem of a bank). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Exit codes, in one place so that the commands and the docs agree. */
export const EXIT = {
  ok: 0,
  /** Expected failure: bad input, a failed check, a missing file. */
  failure: 1,
  /** Wrong usage: unknown command, option or topic. */
  usage: 2,
  /** Interrupted by the user (Ctrl-C), as shells expect for SIGINT. */
  interrupted: 130,
} as const;
