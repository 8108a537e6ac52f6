package io.paperboy.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

@DisplayName("PlannerJob: built by the constructor job factory, run by real Quartz, never two at once")
class PlannerJobTest {

  @TempDir
  Path dir;
  SqliteStores stores;
  Scheduler scheduler;

  @BeforeEach
  void open() throws Exception {
    stores = SqliteStores.open(dir.resolve("p.db"));
    stores.subscriptions().save(Subscription.of(ChannelRef.of(Platform.SLACK, "T1", "C1"), LocalTime.of(9, 0),
        ZoneId.of("Asia/Seoul"), DaySet.DAILY, Instant.parse("2024-06-01T00:00:00Z")), Instant.now());
    Properties props = new Properties();
    props.setProperty("org.quartz.scheduler.instanceName", "planner-test-" + UUID.randomUUID());
    props.setProperty("org.quartz.threadPool.threadCount", "4");
    props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    scheduler = new StdSchedulerFactory(props).getScheduler();
  }

  @AfterEach
  void close() throws Exception {
    scheduler.shutdown(true);
    stores.close();
  }

  @Test
  @DisplayName("runs once at start, and extra fires while a run is under way wait instead of overlapping")
  void noOverlap() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    Semaphore finished = new Semaphore(0);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DigestDays blocking = (from, to) -> {
      int now = running.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      firstStarted.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      finished.release();
      return Set.of();
    };
    DeliveryPlanner planner = new DeliveryPlanner(stores.subscriptions(), stores.outbox(), stores.reports(), blocking,
        new PlanRules(Duration.ofHours(24)), EnumSet.of(Platform.SLACK), Clock.systemUTC(), () -> { });
    ConstructorJobFactory jobs = new ConstructorJobFactory();
    scheduler.setJobFactory(jobs);

    PlannerJob.schedule(scheduler, jobs, planner);
    scheduler.start();

    // GIVEN the at-start run is under way (and blocked)
    assertThat(firstStarted.await(30, TimeUnit.SECONDS)).as("the at-start run began").isTrue();
    // WHEN three more fires come in
    for (int i = 0; i < 3; i++) {
      PlannerJob.runNow(scheduler);
    }
    release.countDown();
    // THEN all of them run, one after the other
    assertThat(finished.tryAcquire(4, 30, TimeUnit.SECONDS)).as("four runs finished").isTrue();
    assertThat(maxRunning.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("the minute tick starts at the application clock's next minute, in system time, however far the clock is pinned")
  void firstTickOnTheApplicationsMinute() {
    // a pinned clock reading 08:59:30.25 while the system clock reads 12:34:17.1: 09:00 comes in 29.75 s
    Instant first = PlannerJob.firstTick(Instant.parse("2024-06-07T23:59:30.250Z"),
        Instant.parse("2026-12-03T12:34:17.100Z"));
    assertThat(first).isEqualTo(Instant.parse("2026-12-03T12:34:46.850Z").plus(PlannerJob.TICK_MARGIN));
    // unpinned, it is second 0 of the system's next minute (what a cron would do), rounded up to whole ms
    assertThat(PlannerJob.firstTick(Instant.parse("2024-06-07T00:00:00.500Z"), Instant.parse("2024-06-07T00:00:00.500Z")))
        .isEqualTo(Instant.parse("2024-06-07T00:01:00Z").plus(PlannerJob.TICK_MARGIN));
    assertThat(PlannerJob.firstTick(Instant.parse("2024-06-07T00:00:00.000000001Z"),
        Instant.parse("2024-06-07T00:00:00Z")))
        .as("never a nanosecond early").isEqualTo(Instant.parse("2024-06-07T00:01:00Z").plus(PlannerJob.TICK_MARGIN));
  }
}
