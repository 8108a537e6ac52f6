package io.paperboy.scheduler.quartz;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Builds each Quartz job from a supplier registered by the composition root, so a job receives
 * its collaborators through its constructor. Quartz's default factory can only call a no-argument
 * constructor, which pushes code towards static singletons.
 */
public final class ConstructorJobFactory implements JobFactory {

  private final Map<Class<? extends Job>, Supplier<? extends Job>> suppliers = new ConcurrentHashMap<>();

  /** Registers how to build jobs of {@code type}; called before the scheduler starts. */
  public <T extends Job> ConstructorJobFactory register(Class<T> type, Supplier<T> supplier) {
    suppliers.put(type, supplier);
    return this;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    Supplier<? extends Job> supplier = suppliers.get(type);
    if (supplier == null) {
      throw new SchedulerException("no factory registered for job " + type.getName()
          + " (register it with ConstructorJobFactory.register before scheduling)");
    }
    return supplier.get();
  }
}
