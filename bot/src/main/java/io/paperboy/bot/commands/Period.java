package io.paperboy.bot.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A date range named the way people ask for it: {@code today}, {@code yesterday}, {@code week}
 * (the 7 days ending today), {@code month} (the 30 days ending today) or one ISO date. "Today" is
 * the date in the configured time zone at the request's instant.
 *
 * @param from  first day, inclusive
 * @param to    last day, inclusive
 * @param kind  how it was asked for; a period without digests is answered with another of its kind
 */
record Period(LocalDate from, LocalDate to, Kind kind) {

  static final List<String> KEYWORDS = List.of("today", "yesterday", "week", "month");

  /** What was asked for: a day relative to today, a span ending today, or one given date. */
  enum Kind {
    TODAY(1, true), YESTERDAY(1, true), WEEK(7, true), MONTH(30, true), DATE(1, false);

    final int days;
    /** Whether it moves with the clock ("this week"), rather than naming fixed days. */
    final boolean relative;

    Kind(int days, boolean relative) {
      this.days = days;
      this.relative = relative;
    }
  }

  static Period parse(String value, Instant now, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    return switch (value) {
      case "today" -> new Period(today, today, Kind.TODAY);
      case "yesterday" -> new Period(today.minusDays(1), today.minusDays(1), Kind.YESTERDAY);
      case "week" -> new Period(today.minusDays(6), today, Kind.WEEK);
      case "month" -> new Period(today.minusDays(29), today, Kind.MONTH);
      default -> {
        LocalDate d = LocalDate.parse(value);
        yield new Period(d, d, Kind.DATE);
      }
    };
  }

  /** The period of the same length that ends on {@code last}: the stand-in shown when this one is empty. */
  Period endingOn(LocalDate last) {
    return new Period(last.minusDays(kind.days - 1L), last, kind == Kind.WEEK || kind == Kind.MONTH ? kind : Kind.DATE);
  }

  /** {@code today (2024-06-07)}, {@code the week 2024-06-01 – 2024-06-07}, {@code 2024-06-07}: for headers. */
  String label() {
    return switch (kind) {
      case TODAY -> "today (" + to + ")";
      case YESTERDAY -> "yesterday (" + to + ")";
      case WEEK -> "the week " + from + " – " + to;
      case MONTH -> "the 30 days " + from + " – " + to;
      case DATE -> to.toString();
    };
  }

  /** As in "No digest …": {@code today (2024-06-07)}, {@code this week (…)}, {@code on 2024-06-09}. */
  String asAbsent() {
    return switch (kind) {
      case TODAY -> "today (" + to + ")";
      case YESTERDAY -> "yesterday (" + to + ")";
      case WEEK -> "this week (" + from + " – " + to + ")";
      case MONTH -> "in the last 30 days (" + from + " – " + to + ")";
      case DATE -> "on " + to;
    };
  }

  /** As in "the latest is …": {@code 2024-06-07}, {@code the week 2024-06-01 – 2024-06-07}. */
  String asStandIn() {
    return singleDay() ? to.toString() : label();
  }

  boolean singleDay() {
    return from.equals(to);
  }
}
