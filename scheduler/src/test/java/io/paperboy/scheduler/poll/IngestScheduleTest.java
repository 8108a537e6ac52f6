package io.paperboy.scheduler.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.scheduler.quartz.ConstructorJobFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;

class IngestScheduleTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The schedule's trigger, started long ago so that fire times can be asked for fixed past instants. */
  private static CronTrigger trigger(String cron, ZoneId zone) {
    CronTrigger t = new IngestSchedule(cron, zone).trigger();
    return t.getTriggerBuilder().startAt(Date.from(Instant.parse("2020-01-01T00:00:00Z"))).build();
  }

  private static Instant after(Trigger trigger, String instant) {
    return trigger.getFireTimeAfter(Date.from(Instant.parse(instant))).toInstant();
  }

  @Test
  @DisplayName("a daily 09:00 cron fires at 09:00 local time in Seoul and in New York")
  void zones() {
    CronTrigger seoul = trigger("0 0 9 * * ?", SEOUL);
    CronTrigger newYork = trigger("0 0 9 * * ?", NEW_YORK);

    assertThat(after(seoul, "2024-06-06T12:00:00Z")).isEqualTo(Instant.parse("2024-06-07T00:00:00Z"));
    assertThat(after(newYork, "2024-06-06T12:00:00Z")).isEqualTo(Instant.parse("2024-06-06T13:00:00Z"));
    assertThat(after(newYork, "2024-01-15T12:00:00Z")).isEqualTo(Instant.parse("2024-01-15T14:00:00Z"));
  }

  @Test
  @DisplayName("across New York's spring-forward day 09:00 stays 09:00 local; Seoul, without DST, does not move")
  void springForward() {
    CronTrigger newYork = trigger("0 0 9 * * ?", NEW_YORK);
    CronTrigger seoul = trigger("0 0 9 * * ?", SEOUL);

    // 2024-03-10: clocks go from 02:00 EST to 03:00 EDT
    assertThat(after(newYork, "2024-03-09T15:00:00Z")).isEqualTo(Instant.parse("2024-03-10T13:00:00Z"));
    assertThat(after(newYork, "2024-03-08T15:00:00Z")).isEqualTo(Instant.parse("2024-03-09T14:00:00Z"));
    assertThat(after(seoul, "2024-03-09T15:00:00Z")).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
  }

  @Test
  @DisplayName("the default five-minute cron steps over the missing hour without a gap")
  void everyFiveMinutesOverTheGap() {
    CronTrigger newYork = trigger(IngestSchedule.DEFAULT_CRON, NEW_YORK);

    // 01:55 EST is followed by 03:00 EDT, five real minutes later
    assertThat(after(newYork, "2024-03-10T06:55:00Z")).isEqualTo(Instant.parse("2024-03-10T07:00:00Z"));
    assertThat(after(newYork, "2024-03-10T07:00:00Z")).isEqualTo(Instant.parse("2024-03-10T07:05:00Z"));
  }

  @Test
  @DisplayName("on New York's fall-back day a daily 09:00 fires once, at 09:00 EST")
  void fallBack() {
    CronTrigger newYork = trigger("0 0 9 * * ?", NEW_YORK);

    // 2024-11-03: clocks go from 02:00 EDT back to 01:00 EST
    assertThat(after(newYork, "2024-11-02T14:00:00Z")).isEqualTo(Instant.parse("2024-11-03T14:00:00Z"));
    assertThat(after(newYork, "2024-11-03T14:00:00Z")).isEqualTo(Instant.parse("2024-11-04T14:00:00Z"));
  }

  @Test
  @DisplayName("in the repeated hour of fall-back day the five-minute cron skips an hour (Quartz); polling shrugs")
  void everyFiveMinutesInTheRepeatedHour() {
    CronTrigger newYork = trigger(IngestSchedule.DEFAULT_CRON, NEW_YORK);

    // 01:45 EDT (05:45Z) is followed by 01:50 EST (06:50Z): the whole first 01:50-02:00 and the
    // repeated 01:00-01:45 are skipped. Pinned here so a Quartz upgrade that changes it is noticed.
    assertThat(after(newYork, "2024-11-03T05:45:00Z")).isEqualTo(Instant.parse("2024-11-03T06:50:00Z"));
    assertThat(after(newYork, "2024-11-03T06:50:00Z")).isEqualTo(Instant.parse("2024-11-03T06:55:00Z"));
  }

  @Test
  @DisplayName("a bad cron expression is refused with Quartz's reason and an example")
  void badCron() {
    assertThatThrownBy(() -> new IngestSchedule("every 5 minutes", SEOUL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad ingest cron expression 'every 5 minutes'")
        .hasMessageContaining(IngestSchedule.DEFAULT_CRON);
  }

  @Test
  @DisplayName("scheduled on a real scheduler: a cron trigger in the zone that drops missed fires")
  void schedulesOnScheduler() throws Exception {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "ingest-schedule-test");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
    scheduler.setJobFactory(new ConstructorJobFactory());
    try {
      Date first = IngestSchedule.everyFiveMinutes(SEOUL).scheduleOn(scheduler);
      Date again = IngestSchedule.everyFiveMinutes(SEOUL).scheduleOn(scheduler); // a restart re-registers

      CronTrigger stored = (CronTrigger) scheduler.getTrigger(IngestSchedule.TRIGGER_KEY);
      assertThat(stored.getCronExpression()).isEqualTo("0 0/5 * * * ?");
      assertThat(stored.getTimeZone().toZoneId()).isEqualTo(SEOUL);
      assertThat(stored.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
      assertThat(stored.getJobKey()).isEqualTo(IngestSchedule.JOB_KEY);
      assertThat(scheduler.getJobDetail(IngestSchedule.JOB_KEY).getJobClass()).isEqualTo(IngestJob.class);
      assertThat(scheduler.getTriggersOfJob(IngestSchedule.JOB_KEY)).hasSize(1);
      assertThat(first.toInstant().getEpochSecond() % 300).isZero();
      assertThat(again).isEqualTo(first);
    } finally {
      scheduler.shutdown(false);
    }
  }
}
