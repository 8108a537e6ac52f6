package io.paperboy.scheduler.poll;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When to look for a day's digest, in the configured zone's local time of that day.
 *
 * @param firstTry       the earliest time to look
 * @param initialBackoff the wait after the first fruitless try; it doubles after each further one
 * @param maxBackoff     the longest wait between two tries
 * @param giveUpAt       from this time on the day is given up (logged once)
 */
public record PollPolicy(LocalTime firstTry, Duration initialBackoff, Duration maxBackoff, LocalTime giveUpAt) {

  /** From midnight, waits of 5 minutes growing to 30, until 23:30. */
  public static final PollPolicy DEFAULT =
      new PollPolicy(LocalTime.MIDNIGHT, Duration.ofMinutes(5), Duration.ofMinutes(30), LocalTime.of(23, 30));

  public PollPolicy {
    Objects.requireNonNull(firstTry, "firstTry");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(giveUpAt, "giveUpAt");
    if (initialBackoff.isZero() || initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initial backoff must be positive, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("max backoff " + maxBackoff + " is shorter than the initial backoff "
          + initialBackoff);
    }
    if (!firstTry.isBefore(giveUpAt)) {
      throw new IllegalArgumentException("first try " + firstTry + " must come before the give-up time " + giveUpAt);
    }
  }
}
