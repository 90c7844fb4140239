/** Exit codes, documented in `sessionctl --help`. */
export const ExitCode = {
  success: 0,
  /** Not found, refused, a failed check, Redis unreachable. */
  failure: 1,
  /** A malformed command line. */
  usage: 2,
} as const;

/**
 * An expected failure the operator can act on: a stable `code`, a sentence saying what went wrong and a `hint`
 * saying what to do next. Anything else that reaches the top is a bug and prints its stack.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly exitCode: number = ExitCode.failure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** The command line itself is wrong (exit 2). */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super('USAGE', message, hint, ExitCode.usage);
    this.name = 'UsageError';
  }
}

/** A session id, user or e-mail that the store does not know (exit 1). */
export class NotFoundError extends CliError {
  constructor(code: 'SESSION_NOT_FOUND' | 'USER_NOT_FOUND', message: string, hint?: string) {
    super(code, message, hint);
    this.name = 'NotFoundError';
  }
}

/** A destructive command that lacks its confirmation flag (exit 1). */
export class ConfirmationRequiredError extends CliError {
  constructor(flag: string, what: string) {
    super('CONFIRMATION_REQUIRED', `refusing to ${what} without ${flag}`, `Run it again with ${flag} to confirm.`);
    this.name = 'ConfirmationRequiredError';
  }
}

/** The operator interrupted a command that has no clean stopping point of its own (exit 130, like a shell). */
export class InterruptedError extends CliError {
  constructor() {
    super('INTERRUPTED', 'interrupted', undefined, 130);
    this.name = 'InterruptedError';
  }
}

/**
 * The command already printed its result and only needs a non-zero exit (a doctor check failed). Nothing more is
 * written.
 */
export class SilentFailure extends Error {
  readonly exitCode = ExitCode.failure;

  constructor() {
    super('(reported above)');
    this.name = 'SilentFailure';
  }
}
