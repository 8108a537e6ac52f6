package io.paperboy.scheduler.poll;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Fires {@link IngestJob} on a cron expression evaluated in the configured zone. Missed fires
 * (the process was down or busy) are dropped rather than replayed: the poller catches up by
 * itself on the next fire.
 */
public final class IngestSchedule {

  /** Every five minutes, on the minute. */
  public static final String DEFAULT_CRON = "0 0/5 * * * ?";
  public static final JobKey JOB_KEY = JobKey.jobKey("digest-ingest", "paperboy");
  public static final TriggerKey TRIGGER_KEY = TriggerKey.triggerKey("digest-ingest", "paperboy");

  private final String cron;
  private final ZoneId zone;

  /**
   * @param cron a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)
   * @throws IllegalArgumentException when {@code cron} does not parse, saying why
   */
  public IngestSchedule(String cron, ZoneId zone) {
    this.cron = Objects.requireNonNull(cron, "cron").strip();
    this.zone = Objects.requireNonNull(zone, "zone");
    try {
      new CronExpression(this.cron);
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad ingest cron expression '" + cron + "': " + e.getMessage()
          + " (Quartz syntax: seconds minutes hours day-of-month month day-of-week, e.g. " + DEFAULT_CRON + ")", e);
    }
  }

  /** Every five minutes in {@code zone}. */
  public static IngestSchedule everyFiveMinutes(ZoneId zone) {
    return new IngestSchedule(DEFAULT_CRON, zone);
  }

  public JobDetail jobDetail() {
    return JobBuilder.newJob(IngestJob.class).withIdentity(JOB_KEY)
        .withDescription("poll the digest sources for today's digest").build();
  }

  public CronTrigger trigger() {
    return TriggerBuilder.newTrigger().withIdentity(TRIGGER_KEY).forJob(JOB_KEY)
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
            .withMisfireHandlingInstructionDoNothing())
        .build();
  }

  /**
   * Adds the job and its trigger to {@code scheduler}, replacing an earlier registration, and
   * returns the first fire time. The scheduler's job factory must know how to build {@link IngestJob}.
   */
  public Date scheduleOn(Scheduler scheduler) throws SchedulerException {
    scheduler.scheduleJob(jobDetail(), Set.of(trigger()), true);
    return scheduler.getTrigger(TRIGGER_KEY).getNextFireTime();
  }

  public String cron() {
    return cron;
  }

  public ZoneId zone() {
    return zone;
  }
}
