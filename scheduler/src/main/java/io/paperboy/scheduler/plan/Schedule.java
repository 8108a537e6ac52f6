package io.paperboy.scheduler.plan;

import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Subscription;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedule math: when a subscription posts, as pure functions of dates, times and zones.
 *
 * <p>Local times that do not exist or exist twice follow {@link ZonedDateTime#of}: in a
 * spring-forward gap the time moves forward by the gap's length (02:30 on a day that skips
 * 02:00–03:00 happens at 03:30); in a fall-back overlap the earlier occurrence counts, so the post
 * goes out once.
 */
public final class Schedule {

  private Schedule() {}

  /** When {@code time} happens on {@code date} in {@code zone}. */
  public static ZonedDateTime slot(LocalDate date, LocalTime time, ZoneId zone) {
    return ZonedDateTime.of(date, time, zone);
  }

  /** The subscription's slot on a local date (whether or not the date is one of its days). */
  public static Slot slot(Subscription subscription, LocalDate date) {
    return new Slot(date, slot(date, subscription.time(), subscription.zone()).toInstant());
  }

  /**
   * The slots on the subscription's days that fall in {@code (fromExclusive, toInclusive]},
   * oldest first.
   */
  public static List<Slot> slotsBetween(LocalTime time, ZoneId zone, DaySet days, Instant fromExclusive,
      Instant toInclusive) {
    List<Slot> slots = new ArrayList<>();
    if (!toInclusive.isAfter(fromExclusive)) {
      return slots;
    }
    // a slot's instant can sit a day away from its local date's midnight in UTC terms; one
    // extra day on each side covers every zone offset and DST shift
    LocalDate first = LocalDate.ofInstant(fromExclusive, zone).minusDays(1);
    LocalDate last = LocalDate.ofInstant(toInclusive, zone).plusDays(1);
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (!days.contains(d.getDayOfWeek())) {
        continue;
      }
      Instant at = slot(d, time, zone).toInstant();
      if (at.isAfter(fromExclusive) && !at.isAfter(toInclusive)) {
        slots.add(new Slot(d, at));
      }
    }
    return slots;
  }

  /** {@link #slotsBetween(LocalTime, ZoneId, DaySet, Instant, Instant)} for a subscription. */
  public static List<Slot> slotsBetween(Subscription s, Instant fromExclusive, Instant toInclusive) {
    return slotsBetween(s.time(), s.zone(), s.days(), fromExclusive, toInclusive);
  }

  /** The first slot strictly after {@code after} on one of the days. */
  public static Slot nextSlot(LocalTime time, ZoneId zone, DaySet days, Instant after) {
    LocalDate d = LocalDate.ofInstant(after, zone).minusDays(1);
    // at most 7 days ahead plus the day of slack on either side
    for (int i = 0; i < 10; i++, d = d.plusDays(1)) {
      if (days.contains(d.getDayOfWeek())) {
        Instant at = slot(d, time, zone).toInstant();
        if (at.isAfter(after)) {
          return new Slot(d, at);
        }
      }
    }
    throw new IllegalStateException("no slot within ten days of " + after + " for " + days);
  }

  /** The subscription's next slot after {@code after}. */
  public static Slot nextSlot(Subscription s, Instant after) {
    return nextSlot(s.time(), s.zone(), s.days(), after);
  }
}
