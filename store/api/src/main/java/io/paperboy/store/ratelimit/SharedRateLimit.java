package io.paperboy.store.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Hands out the slots of a rate limit to everyone who shares this store: at most {@code limit}
 * slots begin within any span of {@code window} (a sliding window), each slot taken by exactly one
 * caller, so callers that wait for their slot before sending stay under the limit together,
 * however many instances they run in.
 *
 * <p>A sliding window is the strictest reading of "N per second": a client that keeps it is also
 * within a fixed window or a token bucket of N refilled at N per window, whichever the server
 * measures. Slots are handed out in order and never before {@code now}; idle time banks nothing
 * beyond one window's {@code limit}. Instances must agree on the time (within a few
 * milliseconds of the margin the caller adds to the window), as they must for Quartz clustering.
 */
public interface SharedRateLimit {

  /**
   * Takes the next free slot of the limit {@code key}.
   *
   * @param key    names the limit (e.g. {@code discord:global:<bot id>})
   * @param limit  slots per window, at least 1
   * @param window the span no more than {@code limit} slots may begin in; positive
   * @param now    the caller's time
   * @return when the slot begins: the caller waits until then, then sends; never before {@code now}
   */
  Instant take(String key, int limit, Duration window, Instant now);

  /** Checks a limit's arguments, saying which is wrong. */
  static void check(int limit, Duration window) {
    Objects.requireNonNull(window, "window");
    if (limit < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 slot per window, got " + limit);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate limit's window must be positive, got " + window);
    }
  }

  /**
   * No slot of {@code key} begins before {@code until}: the server answered 429 with a
   * {@code Retry-After}, and every instance must wait it out, not only the one that was refused.
   * Takes no slot; a hold earlier than the key's next slot changes nothing.
   */
  void holdUntil(String key, Instant until);

  /** Slots shared only inside this process: for one instance, and for tests. */
  static SharedRateLimit inProcess() {
    return new InProcessSharedRateLimit();
  }
}
