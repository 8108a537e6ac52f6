package io.paperboy.core.command;

import java.time.Duration;

/**
 * Ends a request's answer budget. A seam of the {@link CommandService}: in production a scheduler
 * runs the task when the budget is spent; tests end budgets by hand, so they never depend on
 * how fast the machine is.
 */
@FunctionalInterface
interface BudgetTimer {

  /**
   * Runs {@code spent} once {@code budget} has passed, unless the returned action cancels it first.
   */
  Runnable start(Duration budget, Runnable spent);
}
