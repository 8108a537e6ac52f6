package io.paperboy.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The safety stop in front of Discord's IP ban: Discord bans an IP for about an hour after 10,000
 * invalid requests (401, 403, and 429 not of scope {@code shared}) in 10 minutes. This counts
 * them over the same sliding window and, once {@code threshold} is reached, pauses sending until
 * the window has fallen back below it. The default threshold is half the ban's, as MonitoRSS
 * uses: far enough below that requests already in flight cannot reach the ban.
 */
final class InvalidRequestGuard {

  /** Discord's window for counting invalid requests. */
  static final Duration WINDOW = Duration.ofMinutes(10);
  /** Discord bans at 10,000 in the window; stop at half. */
  static final int DEFAULT_THRESHOLD = 5_000;

  private final int threshold;
  private final Clock clock;
  private final Deque<Instant> invalid = new ArrayDeque<>();

  InvalidRequestGuard(int threshold, Clock clock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("the invalid-request threshold must be at least 1, was " + threshold);
    }
    this.threshold = threshold;
    this.clock = clock;
  }

  /** Whether Discord counts an answer of {@code status} (with this 429 scope, or null) as invalid. */
  static boolean countsAsInvalid(int status, String scope) {
    return status == 401 || status == 403 || status == 429 && !"shared".equals(scope);
  }

  /** Records one answer. */
  void answered(int status, String scope) {
    if (countsAsInvalid(status, scope)) {
      synchronized (invalid) {
        invalid.addLast(clock.instant());
        prune(clock.instant());
      }
    }
  }

  /** While paused, how long until sending may resume; empty when sending is allowed. */
  Optional<Duration> pausedFor() {
    Instant now = clock.instant();
    synchronized (invalid) {
      prune(now);
      if (invalid.size() < threshold) {
        return Optional.empty();
      }
      // the pause lasts until enough of the oldest answers have left the window
      Instant drops = invalid.stream().skip(invalid.size() - threshold).findFirst().orElseThrow().plus(WINDOW);
      return Optional.of(Duration.between(now, drops).plusMillis(1));
    }
  }

  /** Invalid answers in the current window. */
  int count() {
    synchronized (invalid) {
      prune(clock.instant());
      return invalid.size();
    }
  }

  private void prune(Instant now) {
    Instant start = now.minus(WINDOW);
    while (!invalid.isEmpty() && !invalid.peekFirst().isAfter(start)) {
      invalid.removeFirst();
    }
  }
}
