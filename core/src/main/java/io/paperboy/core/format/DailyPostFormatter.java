package io.paperboy.core.format;

import io.paperboy.core.message.Message;
import io.paperboy.store.DigestEntry;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The daily post: a header, one card per paper in rank order, and a closing context line. The same
 * message goes to every platform; renderers split it to fit their limits.
 */
public final class DailyPostFormatter {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

  /**
   * @param date    the digest's date
   * @param entries the entries to post, in rank order (already filtered by a subscription's top-N / min-votes)
   * @param total   how many entries the day has in all (to say "10 of 42")
   */
  public Message dailyPost(LocalDate date, List<DigestEntry> entries, int total) {
    return dailyPost(date, entries, total, 0);
  }

  /**
   * {@link #dailyPost(LocalDate, List, int)} for a post cut by the flood bound.
   *
   * @param omitted papers the subscription would have shown after {@code entries}, left to one
   *                "…and N more: {@code /digest DATE}" line
   */
  public Message dailyPost(LocalDate date, List<DigestEntry> entries, int total, int omitted) {
    Message.Builder b = Message.builder().header("Daily Papers — " + date);
    String count = entries.size() == total
        ? total + (total == 1 ? " paper" : " papers")
        : "top " + entries.size() + " of " + total + " papers";
    b.context(DAY.format(date) + " · " + count);
    for (DigestEntry e : entries) {
      b.add(PaperCards.of(e));
    }
    if (omitted > 0) {
      b.text(moreLine(date, omitted));
    }
    b.context("Summaries from the Korean Daily Papers digest (CC BY-NC-ND 4.0) · /paper ID for details");
    return b.build();
  }

  /** The line that stands for the papers a bounded post leaves out: {@link MoreLine#day}. */
  public static String moreLine(LocalDate date, int omitted) {
    return MoreLine.day(date, omitted);
  }

  /** All of a day's entries. */
  public Message dailyPost(LocalDate date, List<DigestEntry> entries) {
    return dailyPost(date, entries, entries.size());
  }
}
