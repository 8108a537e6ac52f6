package io.paperboy.store.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The outbox key of a weekly post: its slot's local date as an ISO 8601 week date,
 * {@code 2024-W24-1} for Monday 10 June 2024. The key names the week (its first eight characters,
 * {@code 2024-W24}), which the planner uses to post once per week even when the channel moves its
 * day; and it names the day, from which the post's seven days follow, so every attempt of a row
 * posts the same papers. In text order the keys are in week order.
 */
public final class WeeklyKey {

  private static final DateTimeFormatter WEEK_DATE = DateTimeFormatter.ISO_WEEK_DATE;

  private WeeklyKey() {}

  /** {@code 2024-W24-1} for 2024-06-10. */
  public static String of(LocalDate slotDate) {
    return week(slotDate) + "-" + slotDate.getDayOfWeek().getValue();
  }

  /** {@code 2024-W24}: the ISO week-based year and week of a date. */
  public static String week(LocalDate date) {
    return String.format(Locale.ROOT, "%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
        date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The week part of a key: {@code 2024-W24} of {@code 2024-W24-1}. */
  public static String weekOfKey(String key) {
    return week(slotDate(key));
  }

  /**
   * The slot's date a key names.
   *
   * @throws IllegalArgumentException if the key is not an ISO week date
   */
  public static LocalDate slotDate(String key) {
    try {
      return LocalDate.parse(key, WEEK_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + key + "' is not a weekly key (an ISO week date like 2024-W24-1)", e);
    }
  }

  /** The first of the seven days a post at {@code slotDate} carries. */
  public static LocalDate firstDay(LocalDate slotDate) {
    return slotDate.minusDays(7);
  }

  /** The last of them: the day before the slot. */
  public static LocalDate lastDay(LocalDate slotDate) {
    return slotDate.minusDays(1);
  }
}
