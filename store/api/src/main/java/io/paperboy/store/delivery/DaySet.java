package io.paperboy.store.delivery;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The days of the week a subscription posts on, in the channel's own time zone.
 *
 * @param days at least one day
 */
public record DaySet(Set<DayOfWeek> days) {

  public static final DaySet WEEKDAYS = new DaySet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  public static final DaySet DAILY = new DaySet(EnumSet.allOf(DayOfWeek.class));
  public static final DaySet WEEKENDS = new DaySet(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

  private static final Map<String, DayOfWeek> NAMES = Map.of(
      "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
      "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

  public DaySet {
    Objects.requireNonNull(days, "days");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a day set needs at least one day");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  public boolean contains(DayOfWeek day) {
    return days.contains(day);
  }

  /**
   * Parses {@code weekdays}, {@code daily}, {@code weekends} or a comma-separated list of
   * three-letter day names ({@code mon,wed,fri}; full names such as {@code monday} work too).
   *
   * @throws IllegalArgumentException naming the word it could not read
   */
  public static DaySet parse(String text) {
    String t = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "weekdays":
        return WEEKDAYS;
      case "daily":
      case "everyday":
      case "every day":
        return DAILY;
      case "weekends":
        return WEEKENDS;
      default:
        break;
    }
    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (String word : t.split("[,\\s]+")) {
      if (word.isEmpty()) {
        continue;
      }
      DayOfWeek day = NAMES.get(word.length() > 3 ? word.substring(0, 3) : word);
      if (day == null || word.length() > 3 && !day.name().toLowerCase(Locale.ROOT).equals(word)) {
        throw new IllegalArgumentException("'" + word + "' is not a day (use weekdays, daily, weekends or mon,tue,…,sun)");
      }
      set.add(day);
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("no days given (use weekdays, daily, weekends or mon,tue,…,sun)");
    }
    return new DaySet(set);
  }

  /** The canonical text: {@code weekdays}, {@code daily}, {@code weekends}, or {@code mon,wed,fri}. */
  public String text() {
    if (equals(DAILY)) {
      return "daily";
    }
    if (equals(WEEKDAYS)) {
      return "weekdays";
    }
    if (equals(WEEKENDS)) {
      return "weekends";
    }
    List<String> names = new ArrayList<>();
    for (DayOfWeek d : EnumSet.copyOf(days)) {
      names.add(d.name().substring(0, 3).toLowerCase(Locale.ROOT));
    }
    return String.join(",", names);
  }

  @Override
  public String toString() {
    return text();
  }
}
