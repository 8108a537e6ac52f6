package io.paperboy.bot.delivery;

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

  public DailyPosts(PaperStore store, DailyPostFormatter formatter) {
    this.store = Objects.requireNonNull(store, "store");
    this.formatter = Objects.requireNonNull(formatter, "formatter");
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
    List<DigestEntry> entries = store.digest(date);
    if (entries.isEmpty()) {
      return new Skip("no digest is stored for " + date);
    }
    List<DigestEntry> selected = select(entries, top, minVotes);
    if (selected.isEmpty()) {
      return new Skip("none of the " + entries.size() + " papers of " + date + " has at least "
          + minVotes.orElse(0) + " votes");
    }
    return new Post(formatter.dailyPost(date, selected, entries.size()));
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
}
