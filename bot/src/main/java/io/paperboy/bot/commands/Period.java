package io.paperboy.bot.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A date range named the way people ask for it: {@code today}, {@code yesterday}, {@code week}
 * (the 7 days ending today), {@code month} (the 30 days ending today) or one ISO date. "Today" is
 * the date in the configured time zone at the request's instant.
 */
record Period(LocalDate from, LocalDate to, String label) {

  static final java.util.List<String> KEYWORDS = java.util.List.of("today", "yesterday", "week", "month");

  static Period parse(String value, Instant now, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    return switch (value) {
      case "today" -> new Period(today, today, "today (" + today + ")");
      case "yesterday" -> new Period(today.minusDays(1), today.minusDays(1), "yesterday (" + today.minusDays(1) + ")");
      case "week" -> new Period(today.minusDays(6), today, "the week " + today.minusDays(6) + " – " + today);
      case "month" -> new Period(today.minusDays(29), today, "the 30 days " + today.minusDays(29) + " – " + today);
      default -> {
        LocalDate d = LocalDate.parse(value);
        yield new Period(d, d, d.toString());
      }
    };
  }

  boolean singleDay() {
    return from.equals(to);
  }
}
