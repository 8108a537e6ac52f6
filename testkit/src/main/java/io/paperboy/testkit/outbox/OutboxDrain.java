package io.paperboy.testkit.outbox;

import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import java.time.Duration;
import java.util.Map;

/**
 * Whether the outbox is drained, and waiting until it is. The outbox is the truth the worker
 * reports to: a row it has yet to post is {@code pending} or {@code attempting}, so "drained"
 * after an action means that whatever the action planned has been posted (or given up on).
 */
public final class OutboxDrain {

  private OutboxDrain() {}

  /** Whether no row waits or is under way: every row is sent, failed or skipped. */
  public static boolean drained(DeliveryReports reports) {
    Map<Delivery.Status, Integer> counts = reports.counts();
    return counts.getOrDefault(Delivery.Status.PENDING, 0) == 0
        && counts.getOrDefault(Delivery.Status.ATTEMPTING, 0) == 0;
  }

  /**
   * Waits until {@link #drained}; {@code guard} is how long before giving up (a guard against a
   * hang, not a measurement).
   *
   * @throws IllegalStateException after {@code guard}, with the counts
   */
  public static void await(DeliveryReports reports, Duration guard) throws InterruptedException {
    long end = System.nanoTime() + guard.toNanos();
    while (!drained(reports)) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the outbox did not drain within " + guard + ": " + reports.counts());
      }
      // the counts are a cheap indexed read; 20 ms keeps the wait short without busying a core
      Thread.sleep(20);
    }
  }
}
