package io.paperboy.core.command;

/**
 * How much work one call of a command does, which decides how the {@link CommandService} runs it.
 * Saying nothing about any platform: the service alone turns it into "answer now" or "answer
 * later".
 */
public enum Workload {

  /** A lookup or a small write: run on the shared pool and answered within the budget, almost always. */
  LIGHT,

  /**
   * Builds something big (a whole day's digest, a preview of it): runs on a pool of its own, so it
   * never queues ahead of light commands, and the caller is told at once that the answer follows
   * instead of waiting for the budget to run out first.
   */
  HEAVY
}
