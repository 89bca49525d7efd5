/**
 * The closed set of thrown errors. Problems in a user's repository are *values* (diagnostics), never
 * exceptions; these classes are for bad invocations and for bugs. Only src/cli maps them to exit codes.
 */

/** Process exit codes shared by every command. */
export const ExitCode = {
  /** Nothing wrong. */
  Ok: 0,
  /** The user's repository (or event, or store content) has problems; diagnostics say which. */
  Problems: 1,
  /** The command was called wrongly: unknown flag, missing argument, unreadable path. */
  Usage: 2,
  /** A bug or an environment failure in Actuate itself. */
  Internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The caller asked for something that cannot be done as asked (bad flag, missing file, unknown commit). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly hint: string | undefined;

  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.hint = hint;
  }
}

/** A broken invariant or an environment failure: a bug to report, never the user's repo content. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** Content read back from a store does not match its digest, or a manifest is malformed. */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';
}
