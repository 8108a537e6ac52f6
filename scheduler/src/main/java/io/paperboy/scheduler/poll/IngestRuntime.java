package io.paperboy.scheduler.poll;

import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import io.paperboy.scheduler.quartz.InMemorySchedulers;
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
    try {
      ConstructorJobFactory jobs = new ConstructorJobFactory()
          .register(IngestJob.class, () -> new IngestJob(poller, clock, zone));
      Scheduler scheduler = InMemorySchedulers.create("paperboy-ingest", jobs);
      schedule.scheduleOn(scheduler);
      scheduler.start();
      scheduler.triggerJob(IngestSchedule.JOB_KEY);
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
