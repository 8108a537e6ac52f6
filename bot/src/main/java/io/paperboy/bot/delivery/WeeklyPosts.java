package io.paperboy.bot.delivery;

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
 * subscription's {@code min_votes} and {@code top}. Composes the outbox's {@code weekly} rows, and
 * {@code /preview} of a weekly channel. The row's key names the slot's date, so every attempt
 * posts the same week.
 */
public final class WeeklyPosts implements PostComposer {

  /** More papers than any real week has (about 7 × 70): the whole week, ranked by the store. */
  private static final int WHOLE_WEEK = 10_000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final PaperStore store;

  public WeeklyPosts(PaperStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The post for the days {@code first..last} with these settings, or why there is none. */
  public Composed week(LocalDate first, LocalDate last, int top, Optional<Integer> minVotes) {
    List<DigestEntry> all = store.top(first, last, WHOLE_WEEK);
    if (all.isEmpty()) {
      return new Skip("no digest is stored for " + first + " – " + last);
    }
    List<DigestEntry> kept = all.stream()
        .filter(e -> minVotes.isEmpty() || e.votes().map(v -> v >= minVotes.get()).orElse(false))
        .toList();
    if (top > 0 && kept.size() > top) {
      kept = kept.subList(0, top);
    }
    if (kept.isEmpty()) {
      return new Skip("none of the " + all.size() + " papers of " + first + " – " + last + " has at least "
          + minVotes.orElse(0) + " votes");
    }
    String count = kept.size() == all.size()
        ? all.size() + (all.size() == 1 ? " paper" : " papers") + ", most voted first"
        : "the " + kept.size() + " most voted of " + all.size() + " papers";
    Message.Builder b = Message.builder()
        .header("Weekly Papers — " + first + " – " + last)
        .context(DAY.format(first) + " – " + DAY.format(last) + " · " + count);
    kept.forEach(e -> b.add(PaperCards.of(e)));
    b.context("Summaries from the Korean Daily Papers digest (CC BY-NC-ND 4.0) · /paper ID for details");
    return new Post(b.build());
  }

  @Override
  public Composed compose(Delivery row) {
    if (row.kind() != Kind.WEEKLY) {
      throw new IllegalArgumentException("not a weekly post: " + row.describe());
    }
    LocalDate slot = WeeklyKey.slotDate(row.key());
    return week(WeeklyKey.firstDay(slot), WeeklyKey.lastDay(slot), row.top(), row.minVotes());
  }
}
