package io.paperboy.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.delivery.DaySet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Schedule: when a subscription posts, DST included")
class ScheduleTest {

  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @ParameterizedTest(name = "{0} {1} in {2} happens at {3}")
  @CsvSource({
      // ordinary days
      "2024-06-07, 09:00, Asia/Seoul, 2024-06-07T00:00:00Z",
      "2024-06-07, 09:00, America/New_York, 2024-06-07T13:00:00Z",
      // the day New York springs forward (02:00 -> 03:00): 09:00 is already EDT
      "2024-03-09, 09:00, America/New_York, 2024-03-09T14:00:00Z",
      "2024-03-10, 09:00, America/New_York, 2024-03-10T13:00:00Z",
      // a time inside the gap happens as late as the gap is long: 02:30 -> 03:30 EDT
      "2024-03-10, 02:30, America/New_York, 2024-03-10T07:30:00Z",
      "2024-03-10, 02:00, America/New_York, 2024-03-10T07:00:00Z",
      "2024-03-10, 03:00, America/New_York, 2024-03-10T07:00:00Z",
      // the day it falls back (02:00 -> 01:00): 01:30 happens twice, the first (EDT) counts
      "2024-11-03, 01:30, America/New_York, 2024-11-03T05:30:00Z",
      "2024-11-03, 09:00, America/New_York, 2024-11-03T14:00:00Z",
      // Europe and the southern hemisphere
      "2024-03-31, 02:30, Europe/Berlin, 2024-03-31T01:30:00Z",
      "2024-10-27, 02:30, Europe/Berlin, 2024-10-27T00:30:00Z",
      "2024-04-07, 02:30, Australia/Sydney, 2024-04-06T15:30:00Z",
      "2024-10-06, 02:30, Australia/Sydney, 2024-10-05T16:30:00Z",
      // Lord Howe shifts by half an hour
      "2024-10-06, 02:15, Australia/Lord_Howe, 2024-10-05T15:45:00Z",
      // midnight and the last minute of the day
      "2024-06-07, 00:00, Asia/Seoul, 2024-06-06T15:00:00Z",
      "2024-06-07, 23:59, America/New_York, 2024-06-08T03:59:00Z"})
  void slotInstants(LocalDate date, LocalTime time, String zone, Instant expected) {
    assertThat(Schedule.slot(date, time, ZoneId.of(zone)).toInstant()).isEqualTo(expected);
  }

  @Test
  @DisplayName("09:00 Seoul and 09:00 New York each post at their own 09:00, also the day the clocks change")
  void twoZonesAroundTheChange() {
    Instant from = Instant.parse("2024-03-08T00:00:00Z");
    Instant to = Instant.parse("2024-03-12T00:00:00Z");

    List<Slot> seoul = Schedule.slotsBetween(LocalTime.of(9, 0), SEOUL, DaySet.DAILY, from, to);
    List<Slot> ny = Schedule.slotsBetween(LocalTime.of(9, 0), NEW_YORK, DaySet.DAILY, from, to);

    assertThat(seoul).extracting(Slot::at).containsExactly(
        Instant.parse("2024-03-09T00:00:00Z"), Instant.parse("2024-03-10T00:00:00Z"),
        Instant.parse("2024-03-11T00:00:00Z"), Instant.parse("2024-03-12T00:00:00Z"));
    assertThat(ny).extracting(Slot::at).containsExactly(
        Instant.parse("2024-03-08T14:00:00Z"), Instant.parse("2024-03-09T14:00:00Z"),
        Instant.parse("2024-03-10T13:00:00Z"), Instant.parse("2024-03-11T13:00:00Z"));
    assertThat(ny).extracting(Slot::date).containsExactly(LocalDate.parse("2024-03-08"),
        LocalDate.parse("2024-03-09"), LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-11"));
  }

  @Test
  @DisplayName("weekdays skip Saturday and Sunday; custom days post only on their days")
  void days() {
    Instant from = Instant.parse("2024-06-02T00:00:00Z"); // a Sunday
    Instant to = Instant.parse("2024-06-16T00:00:00Z");

    assertThat(Schedule.slotsBetween(LocalTime.of(9, 0), SEOUL, DaySet.WEEKDAYS, from, to))
        .extracting(s -> s.date().getDayOfWeek())
        .hasSize(10)
        .doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(Schedule.slotsBetween(LocalTime.of(9, 0), SEOUL, DaySet.parse("mon,thu"), from, to))
        .extracting(Slot::date)
        .containsExactly(LocalDate.parse("2024-06-03"), LocalDate.parse("2024-06-06"),
            LocalDate.parse("2024-06-10"), LocalDate.parse("2024-06-13"));
  }

  @Test
  @DisplayName("the interval is (from, to]: a slot exactly at 'to' is in, exactly at 'from' is out")
  void boundaries() {
    Instant slot = Instant.parse("2024-06-07T00:00:00Z");

    assertThat(Schedule.slotsBetween(LocalTime.of(9, 0), SEOUL, DaySet.DAILY, slot.minusSeconds(1), slot)).hasSize(1);
    assertThat(Schedule.slotsBetween(LocalTime.of(9, 0), SEOUL, DaySet.DAILY, slot, slot.plusSeconds(60))).isEmpty();
    assertThat(Schedule.slotsBetween(LocalTime.of(9, 0), SEOUL, DaySet.DAILY, slot, slot)).isEmpty();
  }

  @Test
  @DisplayName("next slot: the coming one on an included day, strictly after the given instant")
  void nextSlot() {
    // Friday 2024-06-07 09:00 Seoul exactly: the next weekday post is Monday's
    Slot next = Schedule.nextSlot(LocalTime.of(9, 0), SEOUL, DaySet.WEEKDAYS, Instant.parse("2024-06-07T00:00:00Z"));
    assertThat(next).isEqualTo(new Slot(LocalDate.parse("2024-06-10"), Instant.parse("2024-06-10T00:00:00Z")));
    // a minute before, it is Friday's
    assertThat(Schedule.nextSlot(LocalTime.of(9, 0), SEOUL, DaySet.WEEKDAYS, Instant.parse("2024-06-06T23:59:00Z")).date())
        .isEqualTo(LocalDate.parse("2024-06-07"));
  }

  /**
   * Exhaustive: every zone the JDK knows, every day of 2024, times around typical DST transitions.
   * Each included day has exactly one slot, at the local time when it exists, moved forward by the
   * gap when it does not, at the earlier offset when it exists twice; slots strictly increase and
   * nextSlot walks from one to the next (checked on every DST day and every eighth other day).
   * Plain checks in the loop: AssertJ per item is slow.
   */
  @Test
  @DisplayName("every zone, every day of a year: one slot per day, exact local time, gaps moved forward, overlaps first")
  void exhaustiveOverAllZones() {
    List<LocalTime> times = List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 30), LocalTime.of(1, 30),
        LocalTime.of(2, 30), LocalTime.of(3, 0), LocalTime.of(9, 0), LocalTime.of(23, 59));
    DaySet days = new DaySet(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY));
    LocalDate first = LocalDate.parse("2024-01-01");
    LocalDate last = LocalDate.parse("2024-12-31");
    long expectedDays = first.datesUntil(last.plusDays(1)).filter(d -> days.contains(d.getDayOfWeek())).count();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    int gaps = 0;
    int overlaps = 0;
    for (String id : ZoneId.getAvailableZoneIds()) {
      ZoneId zone = ZoneId.of(id);
      ZoneRules rules = zone.getRules();
      Instant from = first.atStartOfDay(zone).toInstant().minusSeconds(1);
      Instant to = last.atTime(LocalTime.MAX).atZone(zone).toInstant();
      for (LocalTime time : times) {
        List<Slot> slots = Schedule.slotsBetween(time, zone, days, from, to);
        if (slots.size() != expectedDays) {
          problems.add(id + " " + time + ": " + slots.size() + " slots, expected " + expectedDays);
        }
        Slot previous = null;
        for (Slot slot : slots) {
          LocalDateTime local = LocalDateTime.of(slot.date(), time);
          List<ZoneOffset> valid = rules.getValidOffsets(local);
          ZonedDateTime at = slot.at().atZone(zone);
          LocalDateTime expected = local;
          if (valid.isEmpty()) {
            gaps++;
            expected = local.plus(rules.getTransition(local).getDuration());
          } else if (valid.size() == 2) {
            overlaps++;
            if (!at.getOffset().equals(valid.get(0))) {
              problems.add(id + " " + local + ": overlap resolved to the later offset " + at.getOffset());
            }
          }
          if (!at.toLocalDateTime().equals(expected)) {
            problems.add(id + " " + local + ": slot at local " + at.toLocalDateTime() + ", expected " + expected);
          }
          if (previous != null) {
            if (!slot.at().isAfter(previous.at())) {
              problems.add(id + " " + local + ": not after the previous slot");
            }
          }
          // nextSlot on every DST day and a sample of the others (it is the costly part)
          if (previous != null && (valid.size() != 1 || checked % 8 == 0)) {
            Slot next = Schedule.nextSlot(time, zone, days, previous.at());
            if (!next.equals(slot)) {
              problems.add(id + " " + local + ": nextSlot after " + previous + " gave " + next);
            }
          }
          previous = slot;
          checked++;
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(500_000);
    // the sample really contained DST gaps and overlaps
    assertThat(gaps).isGreaterThan(50);
    assertThat(overlaps).isGreaterThan(50);
  }
}
