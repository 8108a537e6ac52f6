package io.paperboy.scheduler.plan;

import static io.paperboy.scheduler.plan.PlanRulesTest.LONG_AGO;
import static io.paperboy.scheduler.plan.PlanRulesTest.NY_CHANNEL;
import static io.paperboy.scheduler.plan.PlanRulesTest.SEOUL_CHANNEL;
import static io.paperboy.scheduler.plan.PlanRulesTest.dates;
import static io.paperboy.scheduler.plan.PlanRulesTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.WeeklyKey;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The weekly rules with a pinned clock. 2024-06-10 is a Monday (ISO week 24); a Seoul Monday
 * 09:00 slot is 2024-06-10T00:00Z and carries 06-03 … 06-09.
 */
@DisplayName("PlanRules, weekly: once a week at the channel's day and time, with the seven days before")
class WeeklyPlanRulesTest {

  static Subscription weekly(ChannelRef channel, String time, String zone, DayOfWeek day) {
    return Subscription.of(channel, LocalTime.parse(time), ZoneId.of(zone), DaySet.DAILY, LONG_AGO).withTop(10)
        .withCadence(Subscription.Cadence.WEEKLY, new DaySet(EnumSet.of(day)));
  }

  private static final Subscription SEOUL_MONDAY = weekly(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DayOfWeek.MONDAY);

  @Test
  @DisplayName("nothing before the slot; at the slot one weekly row keyed by the ISO week date, with top 10")
  void dueAtTheSlot() {
    Set<LocalDate> week = dates("2024-06-03", "2024-06-04", "2024-06-07");

    assertThat(plan(List.of(SEOUL_MONDAY), week, Set.of(), "2024-06-09T23:59:59Z")).isEmpty();
    List<PlannedDelivery> rows = plan(List.of(SEOUL_MONDAY), week, Set.of(), "2024-06-10T00:00:00Z");

    assertThat(rows).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.WEEKLY);
      assertThat(p.key()).isEqualTo("2024-W24-1");
      assertThat(p.dueAt()).isEqualTo(Instant.parse("2024-06-10T00:00:00Z"));
      assertThat(p.top()).isEqualTo(10);
      assertThat(p.skipReason()).isEmpty();
    });
    // and the key gives back the seven days
    LocalDate slot = WeeklyKey.slotDate(rows.get(0).key());
    assertThat(WeeklyKey.firstDay(slot)).isEqualTo(LocalDate.parse("2024-06-03"));
    assertThat(WeeklyKey.lastDay(slot)).isEqualTo(LocalDate.parse("2024-06-09"));
  }

  @Test
  @DisplayName("no daily rows for a weekly channel, and on the other days of the week nothing at all")
  void onlyItsDay() {
    Set<LocalDate> days = dates("2024-06-03", "2024-06-04", "2024-06-05", "2024-06-06", "2024-06-07");
    // Tuesday to Sunday of week 23's following days: the Monday slot of 06-03 carried May's last week
    List<PlannedDelivery> rows = plan(List.of(SEOUL_MONDAY), days, Set.of(), "2024-06-09T12:00:00Z");

    assertThat(rows).isEmpty();
  }

  @Test
  @DisplayName("the channel's zone decides the slot: New York's Monday 09:00 is 13:00 UTC")
  void zone() {
    Subscription ny = weekly(NY_CHANNEL, "09:00", "America/New_York", DayOfWeek.MONDAY);
    Set<LocalDate> week = dates("2024-06-05");

    assertThat(plan(List.of(ny), week, Set.of(), "2024-06-10T12:59:00Z")).isEmpty();
    assertThat(plan(List.of(ny), week, Set.of(), "2024-06-10T13:00:00Z")).singleElement()
        .extracting(PlannedDelivery::key).isEqualTo("2024-W24-1");
  }

  @Test
  @DisplayName("exactly once: an existing row of the week, whatever its day, keeps the week from posting again")
  void oncePerWeek() {
    Set<LocalDate> week = dates("2024-06-03", "2024-06-07");
    Set<OutboxKey> sentMonday = Set.of(new OutboxKey(SEOUL_CHANNEL, Kind.WEEKLY, "2024-W24-1"));

    assertThat(plan(List.of(SEOUL_MONDAY), week, sentMonday, "2024-06-10T00:05:00Z")).isEmpty();
    // the channel moves its day to Friday in the same week: week 24 was posted already
    Subscription friday = weekly(SEOUL_CHANNEL, "09:00", "Asia/Seoul", DayOfWeek.FRIDAY);
    assertThat(plan(List.of(friday), dates("2024-06-10", "2024-06-13"), sentMonday, "2024-06-14T00:05:00Z"))
        .isEmpty();
    // the next week's Friday posts again
    assertThat(plan(List.of(friday), dates("2024-06-17"), sentMonday, "2024-06-21T00:05:00Z"))
        .singleElement().extracting(PlannedDelivery::key).isEqualTo("2024-W25-5");
  }

  @Test
  @DisplayName("a week without any digest posts nothing; one that arrives within the window is posted then")
  void waitsForADigest() {
    assertThat(plan(List.of(SEOUL_MONDAY), dates("2024-06-10"), Set.of(), "2024-06-10T00:05:00Z")).isEmpty();

    assertThat(plan(List.of(SEOUL_MONDAY), dates("2024-06-09"), Set.of(), "2024-06-10T20:00:00Z"))
        .singleElement().satisfies(p -> assertThat(p.skipReason()).isEmpty());
  }

  @Test
  @DisplayName("beyond the catch-up window the week is recorded as skipped, once")
  void tooLate() {
    List<PlannedDelivery> rows = plan(List.of(SEOUL_MONDAY), dates("2024-06-05"), Set.of(), "2024-06-12T00:00:00Z");

    assertThat(rows).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("2024-W24-1");
      assertThat(p.skipReason()).hasValueSatisfying(r -> assertThat(r).startsWith("missed by 2d"));
    });
  }

  @Test
  @DisplayName("weeks across a year end are named by the ISO week-based year")
  void yearEnd() {
    // Monday 2024-12-30 belongs to ISO week 1 of 2025
    assertThat(plan(List.of(SEOUL_MONDAY), dates("2024-12-27"), Set.of(), "2024-12-30T00:00:00Z"))
        .singleElement().extracting(PlannedDelivery::key).isEqualTo("2025-W01-1");
    assertThat(WeeklyKey.slotDate("2025-W01-1")).isEqualTo(LocalDate.parse("2024-12-30"));
  }
}
