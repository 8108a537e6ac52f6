package io.paperboy.scheduler.quartz;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Where a runtime gets its Quartz scheduler: {@linkplain #inMemory() in memory} for one process
 * on SQLite, or {@link ClusteredSchedulers} on PostgreSQL, where every instance is a node of one
 * Quartz cluster per scheduler name and each fire happens on one node only.
 */
@FunctionalInterface
public interface QuartzSchedulers {

  /**
   * A new, not yet started scheduler called {@code name}, building jobs through {@code jobs}.
   * Schedulers of the same name on different instances are one cluster (clustered stores only).
   */
  Scheduler create(String name, ConstructorJobFactory jobs) throws SchedulerException;

  /** The RAM job store: for one process per database. */
  static QuartzSchedulers inMemory() {
    return InMemorySchedulers::create;
  }
}
