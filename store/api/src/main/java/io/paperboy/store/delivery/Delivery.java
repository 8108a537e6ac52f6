package io.paperboy.store.delivery;

import io.paperboy.store.ChannelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbox row: something to post to a channel once.
 *
 * @param id            row id
 * @param channel       where
 * @param kind          what
 * @param key           which one of that kind, e.g. the date {@code 2024-06-07}; with channel and
 *                      kind unique, so nothing is ever enqueued twice
 * @param top           the subscription's top-N when planned (0 = all)
 * @param minVotes      the subscription's vote threshold when planned
 * @param style         the subscription's layout when planned
 * @param dueAt         when the post became due (the channel's local posting time)
 * @param status        where the row is in its life
 * @param attempts      attempts started so far, crashed ones included
 * @param failures      consecutive transient failures (drives backoff and the attempt limit)
 * @param nextAttemptAt when a pending row may next be tried
 * @param startedAt     when the last attempt started
 * @param lease         who holds the row for its running attempt, until when; only while attempting
 * @param finishedAt    when it was sent, failed or skipped
 * @param messageIds    the platform's ids of what was posted, in order (when sent)
 * @param lastError     the last failure, or why it was skipped
 * @param createdAt     when it was planned
 */
public record Delivery(
    long id,
    ChannelRef channel,
    Kind kind,
    String key,
    int top,
    Optional<Integer> minVotes,
    Subscription.Style style,
    Instant dueAt,
    Status status,
    int attempts,
    int failures,
    Instant nextAttemptAt,
    Optional<Instant> startedAt,
    Optional<Lease> lease,
    Optional<Instant> finishedAt,
    List<String> messageIds,
    Optional<String> lastError,
    Instant createdAt) {

  /** What a row posts. */
  public enum Kind {
    /** A day's digest; key = the date. */
    DIGEST("digest"),
    /** The short note for a day without a digest; key = the date. */
    NO_DIGEST("no-digest"),
    /** A keyword alert (planned by the alerts feature). */
    ALERT("alert"),
    /**
     * A weekly post: the most voted papers of the seven days before its slot; key = the slot's
     * date as an ISO week date ({@link WeeklyKey}), so the key names its week.
     */
    WEEKLY("weekly");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    /** The stored and logged name: {@code digest}, {@code no-digest}, {@code alert}, {@code weekly}. */
    public String word() {
      return word;
    }

    public static Kind of(String word) {
      for (Kind k : values()) {
        if (k.word.equals(word)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown delivery kind '" + word + "'");
    }
  }

  /** Where a row is in its life. */
  public enum Status {
    /** Waiting for its next attempt. */
    PENDING,
    /** An attempt started and has not finished: after a crash, its outcome is unknown. */
    ATTEMPTING,
    /** Posted; {@link #messageIds()} say what. Final. */
    SENT,
    /** Gave up; {@link #lastError()} says why. Final. */
    FAILED,
    /** Must not go out (too late, unsubscribed, paused, nothing to post). Final. */
    SKIPPED;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but one of the five words */
    public static Status of(String word) {
      return valueOf(word.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
      return this == SENT || this == FAILED || this == SKIPPED;
    }
  }

  public Delivery {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(minVotes, "minVotes");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(createdAt, "createdAt");
    messageIds = List.copyOf(messageIds);
  }

  /**
   * The digest date a digest or no-digest row is about; for a weekly row, the date of its slot
   * (the week it posts ends the day before).
   */
  public Optional<LocalDate> date() {
    return switch (kind) {
      case ALERT -> Optional.empty();
      case WEEKLY -> Optional.of(WeeklyKey.slotDate(key));
      default -> Optional.of(LocalDate.parse(key));
    };
  }

  /**
   * Whether an earlier attempt may already have posted (some of) it: any attempt that started,
   * whether it crashed, timed out or failed after posting the first parts of a split message.
   */
  public boolean mayHavePosted() {
    return attempts > 0;
  }

  /** {@code slack:T1:C9 digest 2024-06-07}, for logs and errors. */
  public String describe() {
    return channel.key() + " " + kind.word() + " " + key;
  }

  public OutboxKey outboxKey() {
    return new OutboxKey(channel, kind, key);
  }
}
