package io.paperboy.scheduler.quartz;

import java.util.Properties;
import java.util.UUID;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz schedulers on the RAM job store. Paperboy keeps what ran in its own database (the outbox,
 * the stored digests), so triggers need not survive a restart: each start derives what is due.
 */
public final class InMemorySchedulers {

  private InMemorySchedulers() {}

  /** A new, not yet started scheduler with one worker thread, building jobs through {@code jobs}. */
  public static Scheduler create(String name, ConstructorJobFactory jobs) throws SchedulerException {
    Properties props = new Properties();
    // StdSchedulerFactory keeps schedulers in a JVM-wide registry by name: keep each one apart
    props.setProperty("org.quartz.scheduler.instanceName", name + "-" + UUID.randomUUID());
    props.setProperty("org.quartz.threadPool.threadCount", "1");
    props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    Scheduler scheduler = new StdSchedulerFactory(props).getScheduler();
    scheduler.setJobFactory(jobs);
    return scheduler;
  }
}
