package io.paperboy.core.command;

/**
 * How a command ended. Platforms show only the message; a transport that reports more than the
 * message (the CLI's exit code) reads this, so a usage error is classified the same way wherever it
 * was found — by the parser, by the request builder or by the command itself.
 */
public enum Outcome {
  /** The command answered (an answer that finds nothing is still an answer). */
  ANSWERED,
  /** The input was malformed: an unknown command, a bad option value, arguments that make no sense. */
  USAGE_ERROR,
  /** The caller may not run it here (a manager-only command). */
  REFUSED,
  /** It could not run: it failed unexpectedly (logged), or Paperboy was busy or shutting down. */
  FAILED
}
