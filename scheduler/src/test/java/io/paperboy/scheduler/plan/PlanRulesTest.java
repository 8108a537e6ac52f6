package io.paperboy.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PlanRules: which outbox rows should exist at a given time")
class PlanRulesTest {

  static final ChannelRef SEOUL_CHANNEL = ChannelRef.of(Platform.SLACK, "T1", "C-seoul");
  static final ChannelRef NY_CHANNEL = ChannelRef.of(Platform.DISCORD, "G1", "C-ny");
  static final Instant LONG_AGO = Instant.parse("2024-01-01T00:00:00Z");
  static final PlanRules RULES = new PlanRules(Duration.ofHours(24));

  static Subscription at(ChannelRef channel, String time, String zone, DaySet days) {
    return Subscription.of(channel, LocalTime.parse(time), ZoneId.of(zone), days, LONG_AGO);
  }

  static Set<LocalDate> dates(String... iso) {
    return java.util.Arrays.stream(iso).map(LocalDate::parse).collect(java.util.stream.Collectors.toSet());
  }

  static List<PlannedDelivery> plan(List<Subscription> subs, Set<LocalDate> digests, Set<OutboxKey> existing,
      String now) {
    return RULES.plan(subs, digests, existing, Instant.parse(now));
  }

  @Test
  @DisplayName("nothing before the channel's time; the day's digest at its time, to the second")
  void dueAtTheChannelsTime() {
    Subscription seoul = at(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DaySet.WEEKDAYS);

    assertThat(plan(List.of(seoul), dates("2024-06-07"), Set.of(), "2024-06-06T23:59:59Z"))
        .noneMatch(p -> p.key().equals("2024-06-07"));
    List<PlannedDelivery> rows = plan(List.of(seoul), dates("2024-06-07"), Set.of(), "2024-06-07T00:00:00Z");

    assertThat(rows).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.DIGEST);
      assertThat(p.key()).isEqualTo("2024-06-07");
      assertThat(p.dueAt()).isEqualTo(Instant.parse("2024-06-07T00:00:00Z"));
      assertThat(p.skipReason()).isEmpty();
    });
  }

  @Test
  @DisplayName("a post carries the digest of the channel's local date: New York's Friday post is Friday's digest")
  void localDateNamesTheDigest() {
    Subscription ny = at(NY_CHANNEL, "09:00", "America/New_York", DaySet.WEEKDAYS);
    // Friday 09:00 in New York is already Saturday in Seoul and UTC-wise late Friday
    List<PlannedDelivery> rows = plan(List.of(ny), dates("2024-06-07", "2024-06-08"), Set.of(), "2024-06-07T13:00:00Z");

    assertThat(rows).extracting(PlannedDelivery::key).containsExactly("2024-06-07");
  }

  @Test
  @DisplayName("weekends post nothing on weekdays; daily without a digest posts nothing unless the note is wanted")
  void weekendsAndNotes() {
    Subscription weekdays = at(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DaySet.WEEKDAYS);
    Subscription daily = at(NY_CHANNEL, "09:00", "Asia/Seoul", DaySet.DAILY);
    ChannelRef noteChannel = ChannelRef.of(Platform.SLACK, "T1", "C-note");
    Subscription note = at(noteChannel, "09:00", "Asia/Seoul", DaySet.DAILY).withNoDigestNote(true);
    // Saturday 2024-06-08 09:00 Seoul; Friday's posts exist already
    Set<OutboxKey> existing = Set.of(new OutboxKey(SEOUL_CHANNEL, Kind.DIGEST, "2024-06-07"),
        new OutboxKey(NY_CHANNEL, Kind.DIGEST, "2024-06-07"), new OutboxKey(noteChannel, Kind.DIGEST, "2024-06-07"));

    List<PlannedDelivery> rows = plan(List.of(weekdays, daily, note), dates("2024-06-07"), existing,
        "2024-06-08T00:00:00Z");

    assertThat(rows).singleElement().satisfies(p -> {
      assertThat(p.channel()).isEqualTo(noteChannel);
      assertThat(p.kind()).isEqualTo(Kind.NO_DIGEST);
      assertThat(p.key()).isEqualTo("2024-06-08");
    });
  }

  @Test
  @DisplayName("a digest that arrives after the channel's time is planned when it arrives, still due at the channel's time")
  void lateDigest() {
    Subscription seoul = at(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DaySet.WEEKDAYS);

    assertThat(plan(List.of(seoul), dates(), Set.of(), "2024-06-07T03:00:00Z")).isEmpty();
    List<PlannedDelivery> rows = plan(List.of(seoul), dates("2024-06-07"), Set.of(), "2024-06-07T06:00:00Z");

    assertThat(rows).singleElement().satisfies(p -> {
      assertThat(p.dueAt()).isEqualTo(Instant.parse("2024-06-07T00:00:00Z"));
      assertThat(p.skipReason()).isEmpty();
    });
  }

  @Test
  @DisplayName("a channel with the note gets the note at its time, and the digest too should it arrive later")
  void noteThenLateDigest() {
    Subscription seoul = Subscription.of(SEOUL_CHANNEL, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.WEEKDAYS,
        Instant.parse("2024-06-06T12:00:00Z")).withNoDigestNote(true);

    List<PlannedDelivery> atNine = plan(List.of(seoul), dates(), Set.of(), "2024-06-07T00:00:00Z");
    assertThat(atNine).extracting(PlannedDelivery::kind).containsExactly(Kind.NO_DIGEST);

    List<PlannedDelivery> later = plan(List.of(seoul), dates("2024-06-07"),
        Set.of(new OutboxKey(SEOUL_CHANNEL, Kind.NO_DIGEST, "2024-06-07")), "2024-06-07T05:00:00Z");
    assertThat(later).extracting(PlannedDelivery::kind).containsExactly(Kind.DIGEST);
  }

  @Test
  @DisplayName("catch-up: within the window a missed post goes out late; beyond it the slot is recorded as skipped")
  void catchUpWindow() {
    Subscription seoul = at(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DaySet.DAILY);
    // GIVEN the process was down from before Wednesday's post until Friday 08:00 Seoul
    List<PlannedDelivery> rows = plan(List.of(seoul), dates("2024-06-05", "2024-06-06", "2024-06-07"),
        Set.of(new OutboxKey(SEOUL_CHANNEL, Kind.DIGEST, "2024-06-04")), "2024-06-06T23:00:00Z");

    assertThat(rows).extracting(PlannedDelivery::key, p -> p.skipReason().isPresent())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-06-05", true),
            org.assertj.core.groups.Tuple.tuple("2024-06-06", false));
    assertThat(rows.get(0).skipReason()).contains("missed by 47h, beyond the 24h catch-up window");
  }

  @Test
  @DisplayName("back-filling old days never posts them: slots beyond the window plus a week are not looked at")
  void backfillIsIgnored() {
    Subscription seoul = at(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DaySet.DAILY);
    Set<LocalDate> history = dates("2024-01-02", "2024-03-01", "2024-05-01", "2024-05-20");

    assertThat(plan(List.of(seoul), history, Set.of(), "2024-06-07T01:00:00Z")).isEmpty();
  }

  @Test
  @DisplayName("a new subscription starts with its first slot after creation; one created exactly at its time posts")
  void startsAtCreation() {
    Instant created = Instant.parse("2024-06-07T03:00:00Z"); // 12:00 Seoul
    Subscription seoul = Subscription.of(SEOUL_CHANNEL, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, created);

    assertThat(plan(List.of(seoul), dates("2024-06-06", "2024-06-07"), Set.of(), "2024-06-07T04:00:00Z")).isEmpty();
    assertThat(plan(List.of(seoul), dates("2024-06-06", "2024-06-07", "2024-06-08"), Set.of(), "2024-06-08T00:00:00Z"))
        .extracting(PlannedDelivery::key).containsExactly("2024-06-08");

    Subscription exact = Subscription.of(SEOUL_CHANNEL, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY,
        Instant.parse("2024-06-07T00:00:00Z"));
    assertThat(plan(List.of(exact), dates("2024-06-07"), Set.of(), "2024-06-07T00:00:00Z")).hasSize(1);
  }

  @Test
  @DisplayName("rows that exist are never planned again, and paused subscriptions plan nothing")
  void existingAndPaused() {
    Subscription seoul = at(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DaySet.DAILY);
    Subscription paused = new Subscription(NY_CHANNEL, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, 0,
        Optional.empty(), Subscription.Style.DIGEST, false, true, Optional.of("gone"), LONG_AGO);

    assertThat(plan(List.of(seoul, paused), dates("2024-06-07"),
        Set.of(new OutboxKey(SEOUL_CHANNEL, Kind.DIGEST, "2024-06-07")), "2024-06-07T01:00:00Z")).isEmpty();
  }

  @Test
  @DisplayName("the row carries the subscription's top, min_votes and style as planned")
  void carriesSettings() {
    Subscription s = at(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DaySet.DAILY).withTop(5).withMinVotes(Optional.of(10))
        .withStyle(Subscription.Style.THREADS);

    PlannedDelivery p = plan(List.of(s), dates("2024-06-07"), Set.of(), "2024-06-07T00:00:30Z").get(0);

    assertThat(p.top()).isEqualTo(5);
    assertThat(p.minVotes()).contains(10);
    assertThat(p.style()).isEqualTo(Subscription.Style.THREADS);
  }
}
