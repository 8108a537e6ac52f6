package io.paperboy.bot.delivery;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * "There is new work for the delivery side", raised by whatever stores it (an ingest, the digest
 * poller) and taken by the one running {@link DeliveryRuntime}. It is built before either side and
 * injected into both, so nothing has to be rewired once delivery starts; work raised while no
 * delivery runs (a CLI {@code ingest}) is simply kept, and the runtime's first look takes it.
 */
public final class WorkSignal {

  /** What kind of work appeared. */
  public enum Work {
    /** Rows were added to the outbox (alerts planned at ingest): the worker should look now. */
    OUTBOX_ROWS,
    /** A day's digest was newly stored: a daily post waiting for it can be planned now. */
    DIGEST_STORED
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition raisedChanged = lock.newCondition();
  private final EnumSet<Work> raised = EnumSet.noneOf(Work.class);

  public void raise(Work work) {
    lock.lock();
    try {
      raised.add(work);
      raisedChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code max} for work to be raised and takes all that was: the returned kinds are
   * cleared. Empty when nothing was raised in time.
   */
  public Set<Work> take(Duration max) throws InterruptedException {
    lock.lock();
    try {
      long left = max.toNanos();
      while (raised.isEmpty() && left > 0) {
        left = raisedChanged.awaitNanos(left);
      }
      Set<Work> taken = raised.isEmpty() ? Set.of() : Set.copyOf(raised);
      raised.clear();
      return taken;
    } finally {
      lock.unlock();
    }
  }
}
