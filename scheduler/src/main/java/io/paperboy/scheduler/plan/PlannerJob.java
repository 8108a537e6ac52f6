package io.paperboy.scheduler.plan;

import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import io.paperboy.scheduler.quartz.QuartzTriggers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeliveryPlanner} at the start of every minute of the <em>application's</em>
 * clock (subscriptions are set to the minute, so every slot falls on such a minute) and once right
 * away. Never two at once: two planners would only race to insert the same rows — harmless thanks
 * to the unique key, but pointless. A missed fire is no loss either: the next run derives the same
 * due rows from the durable state.
 *
 * <p>Why not a cron trigger: Quartz fires on the system clock, and the application's clock may be
 * pinned away from it ({@code --now}, tests). A cron at second 0 then ran the planner up to a
 * minute after a slot (the {@code --now} demo posted 46 s late). The minute tick is instead a
 * 60-second repeat whose first fire is the application clock's next minute, converted to system
 * time; the application clock runs at the system clock's pace, so every later fire stays on the
 * application's minutes, and without a pinned clock it is exactly the old cron.
 */
@DisallowConcurrentExecution
public final class PlannerJob implements Job {

  public static final JobKey KEY = JobKey.jobKey("delivery-planner", "paperboy");
  /**
   * How long after the application clock's minute the tick fires: Quartz takes whole milliseconds,
   * and a fire a hair before 09:00 would find the 09:00 slot not yet due and leave it a minute.
   */
  static final Duration TICK_MARGIN = Duration.ofMillis(5);

  private static final Logger log = LoggerFactory.getLogger(PlannerJob.class);

  private final DeliveryPlanner planner;

  public PlannerJob(DeliveryPlanner planner) {
    this.planner = Objects.requireNonNull(planner, "planner");
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      planner.planOnce();
    } catch (RuntimeException e) {
      // the next minute tries again from the same durable state; nothing is lost by waiting
      log.error("delivery planning failed; retrying next minute", e);
    }
  }

  /**
   * Registers the job with {@code jobs} (the scheduler's job factory) and schedules it at every
   * minute of the planner's clock plus once now.
   */
  public static void schedule(Scheduler scheduler, ConstructorJobFactory jobs, DeliveryPlanner planner)
      throws SchedulerException {
    jobs.register(PlannerJob.class, () -> new PlannerJob(planner));
    JobDetail job = JobBuilder.newJob(PlannerJob.class).withIdentity(KEY).storeDurably().build();
    Instant firstTick = firstTick(planner.clock().instant(), Instant.now());
    Trigger everyMinute = TriggerBuilder.newTrigger()
        .withIdentity("delivery-planner-every-minute", KEY.getGroup())
        .forJob(job)
        .startAt(Date.from(firstTick))
        // after a stall longer than Quartz's misfire threshold, wait for the next aligned minute:
        // firing "now" would move every later tick off the application's minutes
        .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    Trigger now = TriggerBuilder.newTrigger()
        .withIdentity("delivery-planner-at-start", KEY.getGroup())
        .forJob(job)
        .startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
    scheduler.addJob(job, true);
    // on a clustered store the triggers may be there already, scheduled by another instance (or
    // this one before a restart): keep them. Replacing the minute tick could cancel a fire another
    // node has just acquired; the planner derives what is due from the database either way.
    QuartzTriggers.scheduleIfAbsent(scheduler, everyMinute);
    QuartzTriggers.scheduleIfAbsent(scheduler, now);
  }

  /**
   * When, by the system clock, the first minute tick fires: the application clock's next minute
   * after {@code applicationNow}, plus {@link #TICK_MARGIN}, rounded up to Quartz's milliseconds.
   *
   * @param applicationNow the planner's clock now
   * @param systemNow      the system clock at the same moment (what Quartz fires by)
   */
  static Instant firstTick(Instant applicationNow, Instant systemNow) {
    Instant nextMinute = applicationNow.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Instant fire = systemNow.plus(Duration.between(applicationNow, nextMinute)).plus(TICK_MARGIN);
    Instant millis = fire.truncatedTo(ChronoUnit.MILLIS);
    return millis.equals(fire) ? millis : millis.plusMillis(1);
  }

  /** Runs the planner now (e.g. right after a subscription changed), unless a run is under way. */
  public static void runNow(Scheduler scheduler) throws SchedulerException {
    QuartzTriggers.fireOnceNow(scheduler, KEY);
  }
}
