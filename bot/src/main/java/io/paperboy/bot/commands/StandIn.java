package io.paperboy.bot.commands;

import io.paperboy.store.PaperStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The digest day shown in place of an empty period, and how to introduce it. A period that moves
 * with the clock ({@code today}, {@code week}) stands in with the latest day up to its end — what
 * someone asking "what's new?" wants; a given date with the nearest day. "No digest" alone would
 * answer nothing on a store whose newest digest is older than today (the embedded seeds are).
 *
 * @param date   the day to show (the last day of the stand-in period)
 * @param latest whether it is the latest day up to the asked one ("the latest is"), rather than the nearest
 */
record StandIn(LocalDate date, boolean latest) {

  static Optional<StandIn> find(PaperStore store, LocalDate asked, boolean relative) {
    if (relative) {
      List<LocalDate> dates = store.digestDates();
      for (int i = dates.size() - 1; i >= 0; i--) {
        if (!dates.get(i).isAfter(asked)) {
          return Optional.of(new StandIn(dates.get(i), true));
        }
      }
    }
    return store.nearestDigestDate(asked).map(d -> new StandIn(d, false));
  }

  /** {@code No digest today (2026-12-03) — the latest is 2024-06-07:}. */
  String note(String absent, String shown) {
    return "No digest " + absent + " — the " + (latest ? "latest" : "nearest") + " is " + shown + ":";
  }
}
