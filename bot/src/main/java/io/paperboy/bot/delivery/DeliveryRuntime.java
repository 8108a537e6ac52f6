package io.paperboy.bot.delivery;

import io.paperboy.scheduler.plan.DeliveryPlanner;
import io.paperboy.scheduler.plan.PlannerJob;
import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import io.paperboy.scheduler.quartz.QuartzSchedulers;
import java.time.Duration;
import java.util.Objects;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running delivery side of {@code paperboy run}: the planner on a Quartz scheduler (in
 * memory on SQLite, since everything it needs to know is in the database; clustered on
 * PostgreSQL, so that each minute tick plans on one instance) and the delivery worker. Closing
 * stops the planner first, then lets posts under way finish.
 */
public final class DeliveryRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRuntime.class);

  private final Scheduler scheduler;
  private final DeliveryWorker worker;

  private DeliveryRuntime(Scheduler scheduler, DeliveryWorker worker) {
    this.scheduler = scheduler;
    this.worker = worker;
  }

  /** Starts the worker (recovering interrupted attempts first), then the planner every minute. */
  public static DeliveryRuntime start(DeliveryPlanner planner, DeliveryWorker worker) {
    return start(planner, worker, QuartzSchedulers.inMemory());
  }

  /**
   * Like {@link #start(DeliveryPlanner, DeliveryWorker)}, the planner on {@code schedulers}: on a
   * clustered store each minute tick plans on one instance, while every instance's worker drains.
   */
  public static DeliveryRuntime start(DeliveryPlanner planner, DeliveryWorker worker, QuartzSchedulers schedulers) {
    Objects.requireNonNull(planner, "planner");
    worker.start();
    try {
      ConstructorJobFactory jobs = new ConstructorJobFactory();
      Scheduler scheduler = schedulers.create("paperboy-delivery", jobs);
      PlannerJob.schedule(scheduler, jobs, planner);
      scheduler.start();
      return new DeliveryRuntime(scheduler, worker);
    } catch (SchedulerException e) {
      worker.close();
      throw new IllegalStateException("cannot start the delivery planner: " + e.getMessage(), e);
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

  public DeliveryWorker worker() {
    return worker;
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      // shutting down anyway; the worker below still stops cleanly
    }
    worker.stop(Duration.ofSeconds(30));
  }
}
