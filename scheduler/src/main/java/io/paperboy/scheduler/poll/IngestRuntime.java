package io.paperboy.scheduler.poll;

import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import io.paperboy.scheduler.quartz.QuartzSchedulers;
import io.paperboy.scheduler.quartz.QuartzTriggers;
import java.time.Clock;
import java.time.ZoneId;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** The running ingest side of {@code paperboy run}: the poll job on its cron, plus one poll at start. */
public final class IngestRuntime implements AutoCloseable {

  private final Scheduler scheduler;

  private IngestRuntime(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Schedules {@link IngestJob} with {@code schedule} and fires it once right away, so a digest
   * already waiting in a source is stored at start rather than at the next cron tick.
   */
  public static IngestRuntime start(DigestPoller poller, Clock clock, ZoneId zone, IngestSchedule schedule) {
    return start(poller, clock, zone, schedule, QuartzSchedulers.inMemory());
  }

  /**
   * Like {@link #start(DigestPoller, Clock, ZoneId, IngestSchedule)} on the schedulers given: on a
   * clustered store each cron fire, and each start's poll, runs on one instance.
   */
  public static IngestRuntime start(DigestPoller poller, Clock clock, ZoneId zone, IngestSchedule schedule,
      QuartzSchedulers schedulers) {
    try {
      ConstructorJobFactory jobs = new ConstructorJobFactory()
          .register(IngestJob.class, () -> new IngestJob(poller, clock, zone));
      Scheduler scheduler = schedulers.create("paperboy-ingest", jobs);
      schedule.scheduleOn(scheduler);
      scheduler.start();
      QuartzTriggers.fireOnceNow(scheduler, IngestSchedule.JOB_KEY);
      return new IngestRuntime(scheduler);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the ingest schedule: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      // shutting down anyway
    }
  }
}
