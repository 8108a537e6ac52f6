package io.paperboy.bot.trend;

import io.paperboy.store.CountPeriod;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The days a trend covers, named the way people ask: {@code 90d} (the last 90 days), {@code 1y}
 * (the last year) or {@code all} (since the first digest). The range ends on the newest digest
 * day (today, on a bot that ingests daily; an older day when digests stopped, so a demo on old
 * seeds still draws something), and starts on the first day of the week or month holding its
 * first day, so every period but the newest is whole.
 *
 * @param from  the first day counted, a period's first day
 * @param to    the last day counted, inclusive
 * @param by    weeks or months
 * @param label how the answer names the range ({@code the last year})
 */
record TrendRange(LocalDate from, LocalDate to, CountPeriod by, String label) {

  static final List<String> PERIODS = List.of("90d", "1y", "all");
  static final List<String> GRANULARITIES = List.of("week", "month");

  /**
   * @param period   {@code 90d}, {@code 1y} or {@code all}
   * @param by       {@code week} or {@code month}, or empty for the period's default (weeks, months for {@code all})
   * @param latest   the newest digest day
   * @param earliest the oldest digest day
   */
  static TrendRange of(String period, Optional<String> by, LocalDate latest, LocalDate earliest) {
    CountPeriod unit = by.map(b -> b.equals("month") ? CountPeriod.MONTH : CountPeriod.WEEK)
        .orElse(period.equals("all") ? CountPeriod.MONTH : CountPeriod.WEEK);
    LocalDate first;
    String label;
    switch (period) {
      case "90d" -> {
        first = latest.minusDays(89);
        label = "the last 90 days";
      }
      case "all" -> {
        first = earliest;
        label = "every digest";
      }
      default -> {
        first = latest.minusYears(1).plusDays(1);
        label = "the last year";
      }
    }
    return new TrendRange(unit.start(first), latest, unit, label);
  }

  /** "week" or "month", as the answer names one period. */
  String unitName() {
    return by == CountPeriod.MONTH ? "month" : "week";
  }
}
