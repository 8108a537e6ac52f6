package io.paperboy.scheduler.quartz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

class ConstructorJobFactoryTest {

  /** A job that needs a collaborator Quartz could not supply by itself. */
  static final class CountingJob implements Job {
    private final CountDownLatch latch;

    CountingJob(CountDownLatch latch) {
      this.latch = latch;
    }

    @Override
    public void execute(JobExecutionContext context) {
      latch.countDown();
    }
  }

  @Test
  @DisplayName("a real Quartz scheduler builds the job through its constructor")
  void buildsThroughConstructor() throws Exception {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "factory-test");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
    CountDownLatch latch = new CountDownLatch(1);
    scheduler.setJobFactory(new ConstructorJobFactory().register(CountingJob.class, () -> new CountingJob(latch)));
    try {
      scheduler.start();
      scheduler.scheduleJob(JobBuilder.newJob(CountingJob.class).build(), TriggerBuilder.newTrigger().startNow().build());
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      scheduler.shutdown(true);
    }
  }
}
