package io.paperboy.bot.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the worker retries a post that failed transiently (5xx, timeouts): exponential backoff
 * from {@code base} up to {@code max}, with "equal jitter" (half the delay fixed, half random) so
 * that many channels failing together do not retry in lockstep; after {@code maxAttempts}
 * transient failures the row is marked failed.
 *
 * @param base        delay after the first failure
 * @param max         longest delay
 * @param maxAttempts transient failures before giving up
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

  /**
   * Attempts of any kind after which a row is given up even if only rate limits held it back: a
   * platform that answers 429 forever would otherwise keep it pending forever.
   */
  public static final int ATTEMPT_CEILING = 100;

  public RetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + " / " + max);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
  }

  /** The delay before the next attempt after the {@code failures}-th consecutive failure (from 1). */
  public Duration backoff(int failures, RandomGenerator random) {
    long baseMillis = base.toMillis();
    long maxMillis = max.toMillis();
    long delay = baseMillis;
    for (int i = 1; i < failures && delay < maxMillis; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, maxMillis);
    long half = delay / 2;
    return Duration.ofMillis(delay - half + (half == 0 ? 0 : random.nextLong(half + 1)));
  }

  /** Whether the {@code failures}-th consecutive failure is the last one allowed. */
  public boolean exhausted(int failures) {
    return failures >= maxAttempts;
  }
}
