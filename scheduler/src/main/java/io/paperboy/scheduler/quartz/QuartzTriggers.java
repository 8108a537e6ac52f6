package io.paperboy.scheduler.quartz;

import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Scheduling that behaves the same on the RAM store and on a clustered one, where other
 * instances schedule the same triggers and where every trigger must say what a misfire means
 * (the default "smart policy" differs per trigger type and can skip a fire silently).
 */
public final class QuartzTriggers {

  private QuartzTriggers() {}

  /**
   * Schedules {@code trigger} unless a trigger with its key exists (another instance, or this one
   * before a restart, scheduled it on the shared store).
   *
   * @return whether this call scheduled it
   */
  public static boolean scheduleIfAbsent(Scheduler scheduler, Trigger trigger) throws SchedulerException {
    if (scheduler.checkExists(trigger.getKey())) {
      return false;
    }
    try {
      scheduler.scheduleJob(trigger);
      return true;
    } catch (ObjectAlreadyExistsException raced) {
      return false; // another instance stored it between the check and the insert
    }
  }

  /**
   * Runs {@code job} once as soon as a worker (on any instance of the cluster) is free: Quartz's
   * own {@code triggerJob} with an explicit misfire instruction, so a run asked for while the job
   * is busy (or the cluster was briefly down) still happens once, late, rather than never.
   */
  public static void fireOnceNow(Scheduler scheduler, JobKey job) throws SchedulerException {
    scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(job).startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build());
  }
}
