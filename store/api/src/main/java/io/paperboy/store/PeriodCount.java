package io.paperboy.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How many papers matched in one week or month.
 *
 * @param start  the period's first day (a Monday, or the 1st of a month)
 * @param end    the period's last day, inclusive
 * @param papers matching papers first listed in the period (within the range asked for)
 */
public record PeriodCount(LocalDate start, LocalDate end, int papers) {

  public PeriodCount {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start) || papers < 0) {
      throw new IllegalArgumentException("bad period count: " + start + ".." + end + " = " + papers);
    }
  }
}
