package io.paperboy.core.format;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The one line that stands for the papers a bounded post leaves out ({@code delivery.max-papers},
 * {@code delivery.max-messages}): how many, and the command that shows them. A post never drops a
 * paper silently; the count is what the subscription would have shown beyond the cards.
 */
public final class MoreLine {

  private MoreLine() {}

  /** {@code …and 50 more: `/digest 2024-06-07`}: the day's digest shows them all. */
  public static String day(LocalDate date, int omitted) {
    return "…and " + omitted + " more: `/digest " + date + "`";
  }

  /**
   * {@code …and 312 more: `/digest 2024-06-03` · `/digest 2024-06-05`}: no command shows a whole
   * week ({@code /top week} moves with today and stops at 25), so the line names the digest of
   * each day the left-out papers come from, in date order — at most seven.
   *
   * @param days the days of the left-out papers (each paper's day in the week's ranking)
   */
  public static String week(Collection<LocalDate> days, int omitted) {
    String commands = days.stream().distinct().sorted().map(d -> "`/digest " + d + "`")
        .collect(Collectors.joining(" · "));
    return "…and " + omitted + " more: " + commands;
  }
}
