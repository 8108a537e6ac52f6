package io.paperboy.scheduler.quartz;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Two Quartz nodes on one PostgreSQL schema (the Quartz tables of the V50 migration), started at
 * the same instant and both scheduling the same trigger, as two Paperboy instances do: every
 * slot of the trigger fires exactly once across the two.
 */
@DisplayName("Clustered Quartz on PostgreSQL: two nodes on one schema fire each slot once")
class ClusteredSchedulersTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  static final JobKey JOB = JobKey.jobKey("slot", "test");
  static final TriggerKey TRIGGER = TriggerKey.triggerKey("slots", "test");
  static final int FIRES = 16;

  /** What each fire saw: which slot (its scheduled time), on which node. */
  record Fire(Date slot, String node) {}

  @DisallowConcurrentExecution
  public static final class SlotJob implements Job {
    private final String node;
    private final Queue<Fire> fires;

    SlotJob(String node, Queue<Fire> fires) {
      this.node = node;
      this.fires = fires;
    }

    @Override
    public void execute(JobExecutionContext context) {
      fires.add(new Fire(context.getScheduledFireTime(), node));
    }
  }

  @BeforeAll
  static void quartzTables() throws Exception {
    try (InputStream in = ClusteredSchedulersTest.class.getResourceAsStream("/db/migration/postgresql/V50__quartz_tables.sql");
         Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Scheduler node(String name, Queue<Fire> fires) throws Exception {
    ConstructorJobFactory jobs = new ConstructorJobFactory().register(SlotJob.class, () -> new SlotJob(name, fires));
    return new ClusteredSchedulers(new ClusteredSchedulers.Settings(pg.jdbcUrl(), pg.user(), pg.password(), name,
        Duration.ofSeconds(1))).create("paperboy-test", jobs);
  }

  /** What every instance does at start: store the job, schedule its trigger unless another did. */
  private static void scheduleSlots(Scheduler scheduler, Date firstSlot) throws Exception {
    JobDetail job = JobBuilder.newJob(SlotJob.class).withIdentity(JOB).storeDurably().build();
    scheduler.addJob(job, true);
    Trigger slots = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB).startAt(firstSlot)
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(250).withRepeatCount(FIRES - 1)
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    QuartzTriggers.scheduleIfAbsent(scheduler, slots);
  }

  @Test
  void eachSlotFiresOnceAcrossTwoNodes() throws Exception {
    Queue<Fire> fires = new ConcurrentLinkedQueue<>();
    Scheduler a = node("node-a", fires);
    Scheduler b = node("node-b", fires);
    try {
      Date firstSlot = new Date(System.currentTimeMillis() + 1_500);
      // both at the same instant
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> starts = new ArrayList<>();
      Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
      for (Scheduler s : List.of(a, b)) {
        Thread t = new Thread(() -> {
          try {
            go.await();
            scheduleSlots(s, firstSlot);
            s.start();
          } catch (Exception e) {
            errors.add(e);
          }
        });
        t.start();
        starts.add(t);
      }
      go.countDown();
      for (Thread t : starts) {
        t.join(30_000);
      }
      assertThat(errors).isEmpty();

      // the trigger is deleted after its last fire completes
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((a.checkExists(TRIGGER) || fires.size() < FIRES) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(a.checkExists(TRIGGER)).as("the trigger finished its %d fires", FIRES).isFalse();

      Map<Date, Long> perSlot = fires.stream().collect(Collectors.groupingBy(Fire::slot, Collectors.counting()));
      assertThat(perSlot).as("fires: %s", fires).hasSize(FIRES);
      assertThat(perSlot.values()).as("each slot once: %s", fires).allMatch(n -> n == 1);
      assertThat(fires).hasSize(FIRES);
      assertThat(a.getMetaData().isJobStoreClustered()).isTrue();
      assertThat(a.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("JobStoreTX");
    } finally {
      a.shutdown(true);
      b.shutdown(true);
    }
  }
}
