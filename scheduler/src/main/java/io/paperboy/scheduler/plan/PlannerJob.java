package io.paperboy.scheduler.plan;

import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import java.util.Objects;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeliveryPlanner} at the start of every minute (subscriptions are set to the
 * minute) and once right away. Never two at once: two planners would only race to insert the same
 * rows — harmless thanks to the unique key, but pointless. A missed fire is no loss either: the
 * next run derives the same due rows from the durable state.
 */
@DisallowConcurrentExecution
public final class PlannerJob implements Job {

  public static final JobKey KEY = JobKey.jobKey("delivery-planner", "paperboy");
  /** Second 0 of every minute. */
  static final String EVERY_MINUTE = "0 * * * * ?";

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
   * Registers the job with {@code jobs} (the scheduler's job factory) and schedules it every
   * minute plus once now.
   */
  public static void schedule(Scheduler scheduler, ConstructorJobFactory jobs, DeliveryPlanner planner)
      throws SchedulerException {
    jobs.register(PlannerJob.class, () -> new PlannerJob(planner));
    JobDetail job = JobBuilder.newJob(PlannerJob.class).withIdentity(KEY).storeDurably().build();
    Trigger everyMinute = TriggerBuilder.newTrigger()
        .withIdentity("delivery-planner-every-minute", KEY.getGroup())
        .forJob(job)
        .withSchedule(CronScheduleBuilder.cronSchedule(EVERY_MINUTE).withMisfireHandlingInstructionFireAndProceed())
        .build();
    Trigger now = TriggerBuilder.newTrigger()
        .withIdentity("delivery-planner-at-start", KEY.getGroup())
        .forJob(job)
        .startNow()
        .build();
    scheduler.addJob(job, true);
    scheduler.scheduleJob(everyMinute);
    scheduler.scheduleJob(now);
  }

  /** Runs the planner now (e.g. right after a subscription changed), unless a run is under way. */
  public static void runNow(Scheduler scheduler) throws SchedulerException {
    scheduler.triggerJob(KEY);
  }
}
