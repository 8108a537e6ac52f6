package io.paperboy.bot.delivery;

import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.PlannerJob;
import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import io.paperboy.scheduler.quartz.InMemorySchedulers;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running delivery side of {@code paperboy run}: the planner on a Quartz scheduler (in
 * memory: everything it needs to know is in the database), the delivery worker, and a thread
 * that takes the {@link WorkSignal} (new outbox rows wake the worker, a newly stored day runs the
 * planner at once). Closing stops taking signals and the planner first, then lets posts under way
 * finish.
 */
public final class DeliveryRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRuntime.class);

  private final Scheduler scheduler;
  private final DeliveryWorker worker;
  private final Thread signals;

  private DeliveryRuntime(Scheduler scheduler, DeliveryWorker worker, WorkSignal signal) {
    this.scheduler = scheduler;
    this.worker = worker;
    this.signals = new Thread(() -> takeSignals(signal), "delivery-signals");
    signals.setDaemon(true);
  }

  /**
   * Starts the worker (recovering interrupted attempts first), then the planner every minute,
   * then takes {@code signal} until closed.
   */
  public static DeliveryRuntime start(DeliveryPlanner planner, DeliveryWorker worker, WorkSignal signal) {
    Objects.requireNonNull(planner, "planner");
    Objects.requireNonNull(signal, "signal");
    worker.start();
    try {
      ConstructorJobFactory jobs = new ConstructorJobFactory();
      Scheduler scheduler = InMemorySchedulers.create("paperboy-delivery", jobs);
      PlannerJob.schedule(scheduler, jobs, planner);
      scheduler.start();
      DeliveryRuntime runtime = new DeliveryRuntime(scheduler, worker, signal);
      runtime.signals.start();
      return runtime;
    } catch (SchedulerException e) {
      worker.close();
      throw new IllegalStateException("cannot start the delivery planner: " + e.getMessage(), e);
    }
  }

  private void takeSignals(WorkSignal signal) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Set<WorkSignal.Work> work = signal.take(Duration.ofSeconds(1));
        if (work.contains(WorkSignal.Work.DIGEST_STORED)) {
          planNow();
        }
        if (work.contains(WorkSignal.Work.OUTBOX_ROWS)) {
          worker.wake();
        }
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  /**
   * Runs the planner now (a day's digest was just stored: a post waiting for it is due at once),
   * unless a run is under way; after {@link #close} it does nothing.
   */
  public void planNow() {
    try {
      if (!scheduler.isShutdown()) {
        PlannerJob.runNow(scheduler);
      }
    } catch (SchedulerException e) {
      // the minute tick plans it a little later
      log.warn("could not run the delivery planner now; it runs at the next minute", e);
    }
  }

  @Override
  public void close() {
    signals.interrupt();
    try {
      signals.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      // shutting down anyway; the worker below still stops cleanly
    }
    worker.stop(Duration.ofSeconds(30));
  }
}
