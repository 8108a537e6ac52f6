package io.paperboy.bot.delivery;

import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.core.format.MoreLine;
import io.paperboy.core.format.PaperCards;
import io.paperboy.core.message.Message;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.WeeklyKey;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The weekly post of a subscription: the most voted papers of the seven days before its slot, one
 * card per paper (a paper listed on several days counts once, with its best day), with the
 * subscription's {@code min_votes} and {@code top}, and the same flood bound as a daily post
 * ({@code delivery.max-papers} here, {@code delivery.max-messages} by the worker through
 * {@link #compose(Delivery, int)}): the selected papers beyond are one "…and N more" line naming
 * the days' digests. Composes the outbox's {@code weekly} rows, and {@code /preview} of a weekly
 * channel. The row's key names the slot's date, so every attempt posts the same week.
 */
public final class WeeklyPosts implements PostComposer {

  /*
   * The whole week, ranked by the store: the count and the "…and N more" line must cover every
   * paper, and ingest already bounds a day (ingest.max-papers-per-day), so a week is at most seven
   * times that.
   */
  private static final int WHOLE_WEEK = Integer.MAX_VALUE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final PaperStore store;
  private final int maxPapers;

  /** Weekly posts of at most {@link DeliveryConfig#DEFAULT_MAX_PAPERS} cards. */
  public WeeklyPosts(PaperStore store) {
    this(store, DeliveryConfig.DEFAULT_MAX_PAPERS);
  }

  /** @param maxPapers cards one post shows at most ({@code delivery.max-papers}), whatever {@code top} says */
  public WeeklyPosts(PaperStore store, int maxPapers) {
    this.store = Objects.requireNonNull(store, "store");
    if (maxPapers < 1) {
      throw new IllegalArgumentException("maxPapers must be at least 1, was " + maxPapers);
    }
    this.maxPapers = maxPapers;
  }

  /** The post for the days {@code first..last} with these settings, or why there is none. */
  public Composed week(LocalDate first, LocalDate last, int top, Optional<Integer> minVotes) {
    return week(first, last, top, minVotes, maxPapers);
  }

  /**
   * The post for the days {@code first..last} showing at most {@code cards} papers (and never more
   * than the flood bound); the selected papers beyond are summed up in one line.
   */
  public Composed week(LocalDate first, LocalDate last, int top, Optional<Integer> minVotes, int cards) {
    List<DigestEntry> all = store.top(first, last, WHOLE_WEEK);
    if (all.isEmpty()) {
      return new Skip("no digest is stored for " + first + " – " + last);
    }
    List<DigestEntry> kept = DailyPosts.select(all, top, minVotes);
    if (kept.isEmpty()) {
      return new Skip("none of the " + all.size() + " papers of " + first + " – " + last + " has at least "
          + minVotes.orElse(0) + " votes");
    }
    int shown = Math.max(0, Math.min(kept.size(), Math.min(cards, maxPapers)));
    String count = shown == all.size()
        ? all.size() + (all.size() == 1 ? " paper" : " papers") + ", most voted first"
        : "the " + shown + " most voted of " + all.size() + " papers";
    Message.Builder b = Message.builder()
        .header("Weekly Papers — " + first + " – " + last)
        .context(DAY.format(first) + " – " + DAY.format(last) + " · " + count);
    kept.subList(0, shown).forEach(e -> b.add(PaperCards.of(e)));
    List<DigestEntry> rest = kept.subList(shown, kept.size());
    if (!rest.isEmpty()) {
      b.text(MoreLine.week(rest.stream().map(DigestEntry::date).toList(), rest.size()));
    }
    b.context("Summaries from the Korean Daily Papers digest (CC BY-NC-ND 4.0) · /paper ID for details");
    return new Post(b.build());
  }

  @Override
  public Composed compose(Delivery row) {
    return compose(row, maxPapers);
  }

  @Override
  public Composed compose(Delivery row, int cards) {
    if (row.kind() != Kind.WEEKLY) {
      throw new IllegalArgumentException("not a weekly post: " + row.describe());
    }
    LocalDate slot = WeeklyKey.slotDate(row.key());
    return week(WeeklyKey.firstDay(slot), WeeklyKey.lastDay(slot), row.top(), row.minVotes(), cards);
  }
}
