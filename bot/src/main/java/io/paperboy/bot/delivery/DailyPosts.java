package io.paperboy.bot.delivery;

import io.paperboy.bot.config.DeliveryConfig;
import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.message.Message;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.PaperStore;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily post of a subscription: the day's digest with the subscription's {@code min_votes}
 * and {@code top} applied, or the short note for a day without a digest. Composes the outbox's
 * {@code digest} and {@code no-digest} rows, and {@code /preview}.
 */
public final class DailyPosts implements PostComposer {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

  private final PaperStore store;
  private final DailyPostFormatter formatter;
  private final int maxPapers;

  /** Daily posts of at most {@link DeliveryConfig#DEFAULT_MAX_PAPERS} cards. */
  public DailyPosts(PaperStore store, DailyPostFormatter formatter) {
    this(store, formatter, DeliveryConfig.DEFAULT_MAX_PAPERS);
  }

  /**
   * @param maxPapers cards one post shows at most (the flood bound, {@code delivery.max-papers}),
   *                  whatever a subscription's {@code top} says; the rest is one "…and N more" line
   */
  public DailyPosts(PaperStore store, DailyPostFormatter formatter, int maxPapers) {
    this.store = Objects.requireNonNull(store, "store");
    this.formatter = Objects.requireNonNull(formatter, "formatter");
    if (maxPapers < 1) {
      throw new IllegalArgumentException("maxPapers must be at least 1, was " + maxPapers);
    }
    this.maxPapers = maxPapers;
  }

  /**
   * The entries a subscription posts: those with at least {@code minVotes} votes (unknown votes do
   * not qualify), then the first {@code top} of them in rank order (0 = all).
   */
  public static List<DigestEntry> select(List<DigestEntry> entries, int top, Optional<Integer> minVotes) {
    List<DigestEntry> kept = entries.stream()
        .filter(e -> minVotes.isEmpty() || e.votes().map(v -> v >= minVotes.get()).orElse(false))
        .toList();
    return top > 0 && kept.size() > top ? kept.subList(0, top) : kept;
  }

  /** The post for {@code date} with these settings, or why there is none. */
  public Composed digest(LocalDate date, int top, Optional<Integer> minVotes) {
    return digest(date, top, minVotes, maxPapers);
  }

  /**
   * The post for {@code date} showing at most {@code cards} papers (and never more than the flood
   * bound); the selected papers beyond are summed up in one "…and N more: /digest DATE" line.
   */
  public Composed digest(LocalDate date, int top, Optional<Integer> minVotes, int cards) {
    List<DigestEntry> entries = store.digest(date);
    if (entries.isEmpty()) {
      return new Skip("no digest is stored for " + date);
    }
    List<DigestEntry> selected = select(entries, top, minVotes);
    if (selected.isEmpty()) {
      return new Skip("none of the " + entries.size() + " papers of " + date + " has at least "
          + minVotes.orElse(0) + " votes");
    }
    int shown = Math.max(0, Math.min(selected.size(), Math.min(cards, maxPapers)));
    return new Post(formatter.dailyPost(date, selected.subList(0, shown), entries.size(), selected.size() - shown));
  }

  /** The note for a day without a digest. */
  public Message noDigestNote(LocalDate date) {
    return Message.builder()
        .header("Daily Papers — " + date)
        .text("No digest today (" + DAY.format(date) + "). If one arrives later today, it will be posted here.")
        .build();
  }

  @Override
  public Composed compose(Delivery row) {
    LocalDate date = row.date().orElseThrow(() -> new IllegalArgumentException(
        "not a daily post: " + row.describe()));
    if (row.kind() == Kind.NO_DIGEST) {
      // the digest arrived between planning and posting: it gets its own post, the note is moot
      return store.digest(date).isEmpty() ? new Post(noDigestNote(date))
          : new Skip("the digest for " + date + " arrived after all");
    }
    return digest(date, row.top(), row.minVotes());
  }

  @Override
  public Composed compose(Delivery row, int cards) {
    if (row.kind() == Kind.NO_DIGEST) {
      return compose(row);
    }
    LocalDate date = row.date().orElseThrow(() -> new IllegalArgumentException("not a daily post: " + row.describe()));
    return digest(date, row.top(), row.minVotes(), cards);
  }
}
