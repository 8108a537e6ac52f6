package io.paperboy.scheduler.poll;

import static io.paperboy.scheduler.poll.TestDigests.found;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import io.paperboy.scheduler.source.FetchResult;
import io.paperboy.store.Digest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.JobListenerSupport;

class IngestJobTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final PollPolicy POLICY = new PollPolicy(LocalTime.of(6, 0), Duration.ofMinutes(5),
      Duration.ofMinutes(30), LocalTime.of(22, 0));
  /** 00:30 UTC on June 7 is 09:30 on June 7 in Seoul, and 20:30 on June 6 in New York. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-07T00:30:00Z"), SEOUL);
  private static final LocalDate SEOUL_TODAY = LocalDate.of(2024, 6, 7);

  private static Scheduler scheduler(String name) throws Exception {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", name);
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    return new StdSchedulerFactory(p).getScheduler();
  }

  @Test
  @DisplayName("a real Quartz scheduler builds the job through the factory; it polls today's date and stores it")
  void firesThroughQuartz() throws Exception {
    // GIVEN a poller whose only source has today's digest, wired into Quartz by constructor
    RecordingStore store = new RecordingStore();
    ScriptedSource source = new ScriptedSource("inbox", found(SEOUL_TODAY, "2406.00001", "2406.00002"));
    DigestPoller poller = new DigestPoller(List.of(source), store, CLOCK, SEOUL, POLICY);
    CountDownLatch ingested = new CountDownLatch(1);
    AtomicReference<Digest> heard = new AtomicReference<>();
    poller.addListener((result, digest) -> {
      heard.set(digest);
      ingested.countDown();
    });
    Scheduler scheduler = scheduler("ingest-job-test");
    scheduler.setJobFactory(new ConstructorJobFactory()
        .register(IngestJob.class, () -> new IngestJob(poller, CLOCK, SEOUL)));
    IngestSchedule schedule = IngestSchedule.everyFiveMinutes(SEOUL);
    CountDownLatch twoRuns = new CountDownLatch(2);
    scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
      @Override
      public String getName() {
        return "count-runs";
      }

      @Override
      public void jobWasExecuted(JobExecutionContext context, JobExecutionException error) {
        twoRuns.countDown();
      }
    });

    try {
      // WHEN the job fires at once (a simple trigger stands in for the cron one) and then again
      scheduler.start();
      scheduler.scheduleJob(schedule.jobDetail(), TriggerBuilder.newTrigger().forJob(IngestSchedule.JOB_KEY)
          .startNow().withSchedule(SimpleScheduleBuilder.repeatSecondlyForTotalCount(2)).build());

      // THEN today's digest (today in Seoul) is stored once and announced
      assertThat(ingested.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(twoRuns.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      scheduler.shutdown(true);
    }
    assertThat(heard.get().date()).isEqualTo(SEOUL_TODAY);
    assertThat(store.saved).hasSize(1);
    assertThat(source.fetches).as("the second fire finds the day done").containsExactly(SEOUL_TODAY);
  }

  @Test
  @DisplayName("overlapping fires are not allowed: Quartz reads @DisallowConcurrentExecution off the job")
  void noOverlap() {
    assertThat(IngestSchedule.everyFiveMinutes(SEOUL).jobDetail().isConcurrentExecutionDisallowed()).isTrue();
  }

  @Test
  @DisplayName("the job polls only when the poller is due, for today in the configured zone")
  void pollsOnlyWhenDue() throws Exception {
    ScriptedSource source = new ScriptedSource("s", new FetchResult.NotYet("nothing"));
    DigestPoller poller = new DigestPoller(List.of(source), new RecordingStore(), CLOCK, SEOUL, POLICY);
    IngestJob job = new IngestJob(poller, CLOCK, SEOUL);

    job.execute(null);
    job.execute(null); // within the backoff: not due

    assertThat(source.fetches).containsExactly(SEOUL_TODAY);
    // the same instant is 20:30 on June 6 in New York: there the job polls June 6
    ScriptedSource nySource = new ScriptedSource("ny", new FetchResult.NotYet("nothing"));
    ZoneId newYork = ZoneId.of("America/New_York");
    DigestPoller nyPoller = new DigestPoller(List.of(nySource), new RecordingStore(), CLOCK, newYork, POLICY);
    new IngestJob(nyPoller, CLOCK, newYork).execute(null);
    assertThat(nySource.fetches).containsExactly(LocalDate.of(2024, 6, 6));
  }

  @Test
  @DisplayName("an unexpected error becomes a JobExecutionException that does not refire at once")
  void failureDoesNotRefire() {
    RecordingStore broken = new RecordingStore();
    broken.failReads = new IllegalStateException("disk on fire");
    DigestPoller poller = new DigestPoller(List.of(new ScriptedSource("s", new FetchResult.NotYet("n"))),
        broken, CLOCK, SEOUL, POLICY);

    assertThatThrownBy(() -> new IngestJob(poller, CLOCK, SEOUL).execute(null))
        .isInstanceOfSatisfying(JobExecutionException.class, e -> {
          assertThat(e.refireImmediately()).isFalse();
          assertThat(e.getMessage()).contains("2024-06-07").contains("disk on fire");
        });
  }
}
