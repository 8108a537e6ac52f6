package io.paperboy.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods {@link PaperStore#countPerPeriod} counts in: calendar weeks starting on Monday
 * (ISO 8601, as Korean and European calendars show them) or calendar months. Digest dates are
 * already local dates in the configured zone, so periods need no zone of their own.
 */
public enum CountPeriod {

  /** Monday through Sunday. */
  WEEK {
    @Override
    public LocalDate start(LocalDate day) {
      return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public LocalDate next(LocalDate start) {
      return start.plusWeeks(1);
    }
  },

  /** The first to the last day of a month. */
  MONTH {
    @Override
    public LocalDate start(LocalDate day) {
      return day.withDayOfMonth(1);
    }

    @Override
    public LocalDate next(LocalDate start) {
      return start.plusMonths(1);
    }
  };

  /** The first day of the period that holds {@code day}. */
  public abstract LocalDate start(LocalDate day);

  /** The first day of the period after the one starting on {@code start}. */
  public abstract LocalDate next(LocalDate start);
}
