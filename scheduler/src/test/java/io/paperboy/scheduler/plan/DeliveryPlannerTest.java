package io.paperboy.scheduler.plan;

import io.paperboy.scheduler.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.PaperStore;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner on a real SQLite file under a simulated clock that ticks minute by minute, the way
 * Quartz fires it, through the week the United States switch to summer time (Sunday 2024-03-10).
 */
@DisplayName("DeliveryPlanner: a simulated week of minutes across zones, a DST change, a weekend and a late digest")
class DeliveryPlannerTest {

  static final Instant START = Instant.parse("2024-03-07T12:00:00Z");
  static final ChannelRef SEOUL = ChannelRef.of(Platform.SLACK, "T1", "C-seoul-0900-weekdays");
  static final ChannelRef NEW_YORK = ChannelRef.of(Platform.DISCORD, "G1", "C-ny-0900-weekdays");
  static final ChannelRef NEW_YORK_EARLY = ChannelRef.of(Platform.DISCORD, "G1", "C-ny-0230-daily");
  static final ChannelRef BERLIN = ChannelRef.of(Platform.SLACK, "T1", "C-berlin-0800-daily-note");
  static final ChannelRef ELSEWHERE = ChannelRef.of(Platform.CONSOLE, "local", "console");

  @TempDir
  Path dir;
  SqliteStores stores;
  PaperStore papers;
  SubscriptionStore subscriptions;
  DeliveryReports outbox;
  MutableClock clock;
  AtomicInteger wakes;
  DeliveryPlanner planner;

  @BeforeEach
  void open() {
    stores = SqliteStores.open(dir.resolve("p.db"));
    papers = stores.papers();
    subscriptions = stores.subscriptions();
    outbox = stores.reports();
    clock = new MutableClock(START);
    wakes = new AtomicInteger();
    planner = new DeliveryPlanner(subscriptions, stores.outbox(), outbox, DigestDays.of(papers), new PlanRules(Duration.ofHours(24)),
        EnumSet.of(Platform.SLACK, Platform.DISCORD), clock, wakes::incrementAndGet);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  static Digest digest(String date) {
    LocalDate d = LocalDate.parse(date);
    List<DigestEntry> entries = List.of(
        new DigestEntry(d, 1, "2403.0000" + d.getDayOfMonth() % 10, "Paper of " + date, "https://arxiv.org/abs/x",
            Optional.of(12), List.of("Ada"), Optional.empty(), "- summary"));
    return new Digest(d, entries, "test:" + date);
  }

  void subscribe(ChannelRef channel, String time, String zone, DaySet days, boolean note) {
    subscriptions.save(Subscription.of(channel, LocalTime.parse(time), ZoneId.of(zone), days, START)
        .withNoDigestNote(note), START);
  }

  @Test
  @DisplayName("every post appears at the first tick at or after its time (or its digest's arrival), exactly once")
  void simulatedWeek() {
    subscribe(SEOUL, "09:00", "Asia/Seoul", DaySet.WEEKDAYS, false);
    subscribe(NEW_YORK, "09:00", "America/New_York", DaySet.WEEKDAYS, false);
    subscribe(NEW_YORK_EARLY, "02:30", "America/New_York", DaySet.DAILY, false);
    subscribe(BERLIN, "08:00", "Europe/Berlin", DaySet.DAILY, true);
    // a console subscription: no console adapter runs in this test, so it must wait
    subscribe(ELSEWHERE, "09:00", "Asia/Seoul", DaySet.DAILY, false);
    // digests: Thursday to Sunday are there in time (Saturday has none), Tuesday's arrives at 14:00 Seoul
    for (String d : List.of("2024-03-06", "2024-03-07", "2024-03-08", "2024-03-10", "2024-03-11")) {
      papers.save(digest(d));
    }
    Instant lateArrival = Instant.parse("2024-03-12T05:00:00Z");
    // the process is down for two hours on Monday, across New York's 09:00
    Instant downFrom = Instant.parse("2024-03-11T12:00:00Z");
    Instant downTo = Instant.parse("2024-03-11T14:00:00Z");

    Map<String, Instant> expected = new TreeMap<>();
    // Seoul 09:00 = 00:00Z; Thursday's was before the subscription existed; Tuesday's digest came at 05:00Z
    expected.put("C-seoul-0900-weekdays digest 2024-03-08 due 2024-03-08T00:00:00Z", at("2024-03-08T00:00:00Z"));
    expected.put("C-seoul-0900-weekdays digest 2024-03-11 due 2024-03-11T00:00:00Z", at("2024-03-11T00:00:00Z"));
    expected.put("C-seoul-0900-weekdays digest 2024-03-12 due 2024-03-12T00:00:00Z", lateArrival);
    // New York 09:00 is 14:00Z before the change and 13:00Z after; Monday's 13:00 fell in the downtime
    expected.put("C-ny-0900-weekdays digest 2024-03-07 due 2024-03-07T14:00:00Z", at("2024-03-07T14:00:00Z"));
    expected.put("C-ny-0900-weekdays digest 2024-03-08 due 2024-03-08T14:00:00Z", at("2024-03-08T14:00:00Z"));
    expected.put("C-ny-0900-weekdays digest 2024-03-11 due 2024-03-11T13:00:00Z", downTo);
    expected.put("C-ny-0900-weekdays digest 2024-03-12 due 2024-03-12T13:00:00Z", at("2024-03-12T13:00:00Z"));
    // New York 02:30 does not exist on Sunday 03-10: it happens at 03:30 EDT = 07:30Z
    expected.put("C-ny-0230-daily digest 2024-03-08 due 2024-03-08T07:30:00Z", at("2024-03-08T07:30:00Z"));
    expected.put("C-ny-0230-daily digest 2024-03-10 due 2024-03-10T07:30:00Z", at("2024-03-10T07:30:00Z"));
    expected.put("C-ny-0230-daily digest 2024-03-11 due 2024-03-11T06:30:00Z", at("2024-03-11T06:30:00Z"));
    expected.put("C-ny-0230-daily digest 2024-03-12 due 2024-03-12T06:30:00Z", at("2024-03-12T06:30:00Z"));
    // Berlin 08:00 CET = 07:00Z all week (Europe changes later); Saturday gets the note
    expected.put("C-berlin-0800-daily-note digest 2024-03-08 due 2024-03-08T07:00:00Z", at("2024-03-08T07:00:00Z"));
    expected.put("C-berlin-0800-daily-note no-digest 2024-03-09 due 2024-03-09T07:00:00Z", at("2024-03-09T07:00:00Z"));
    expected.put("C-berlin-0800-daily-note digest 2024-03-10 due 2024-03-10T07:00:00Z", at("2024-03-10T07:00:00Z"));
    expected.put("C-berlin-0800-daily-note digest 2024-03-11 due 2024-03-11T07:00:00Z", at("2024-03-11T07:00:00Z"));
    expected.put("C-berlin-0800-daily-note digest 2024-03-12 due 2024-03-12T07:00:00Z", at("2024-03-12T07:00:00Z"));

    // Ticks: every minute around each expected moment (so "not a minute early" is checked too) and
    // every 20 minutes in between (a full week of minutes costs too much on a shared machine).
    java.util.TreeSet<Instant> ticks = new java.util.TreeSet<>();
    Instant end = Instant.parse("2024-03-13T00:00:00Z");
    for (Instant t = START; t.isBefore(end); t = t.plus(Duration.ofMinutes(20))) {
      ticks.add(t);
    }
    for (Instant moment : expected.values()) {
      for (int m = -3; m <= 3; m++) {
        ticks.add(moment.plus(Duration.ofMinutes(m)));
      }
    }
    ticks.add(lateArrival);
    Map<String, Instant> plannedAt = new TreeMap<>();
    for (Instant t : ticks) {
      if (!t.isBefore(downFrom) && t.isBefore(downTo)) {
        continue;
      }
      if (!t.isBefore(lateArrival) && papers.digest(LocalDate.parse("2024-03-12")).isEmpty()) {
        papers.save(digest("2024-03-12"));
      }
      clock.set(t);
      DeliveryPlanner.Result result = planner.planOnce();
      // a second fire in the same minute (a Quartz misfire catch-up) adds nothing
      assertThat(planner.planOnce().due()).isEmpty();
      for (var p : result.due()) {
        plannedAt.put(p.channel().channel() + " " + p.kind().word() + " " + p.key() + " due " + p.dueAt(), t);
      }
    }

    assertThat(plannedAt).containsExactlyEntriesOf(expected);
    assertThat(outbox.all()).hasSize(expected.size()).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
      assertThat(d.channel()).isNotEqualTo(ELSEWHERE);
    });
    // the worker is woken once per run that added something
    assertThat(wakes.get()).isEqualTo(new java.util.HashSet<>(expected.values()).size());
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
