package io.paperboy.store.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out the slots of a rate limit to everyone who shares this store: slots
 * {@code 1 / perSecond} apart, each taken by exactly one caller, so callers that wait for their
 * slot before sending stay under the limit together, however many instances they run in.
 *
 * <p>A slot is never handed out before {@code now}: a limit that nobody used for a while does not
 * let a burst through afterwards. Instances must agree on the time (within a slot or two), as
 * they must for Quartz clustering.
 */
public interface SharedRateLimit {

  /**
   * Takes the next free slot of the limit {@code key}.
   *
   * @param key       names the limit (e.g. {@code discord:global:<bot id>})
   * @param perSecond slots per second, at least 1
   * @param now       the caller's time
   * @return when the slot begins: the caller waits until then, then sends; never before {@code now}
   */
  Instant take(String key, int perSecond, Instant now);

  /** The distance between two slots of a limit of {@code perSecond}. */
  static Duration interval(int perSecond) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 per second, got " + perSecond);
    }
    return Duration.ofNanos(1_000_000_000L / perSecond);
  }

  /** Slots shared only inside this process: for one instance, and for tests. */
  static SharedRateLimit inProcess() {
    Map<String, Instant> next = new HashMap<>();
    return (key, perSecond, now) -> {
      Duration interval = interval(perSecond);
      synchronized (next) {
        Instant slot = next.getOrDefault(key, now);
        if (slot.isBefore(now)) {
          slot = now;
        }
        next.put(key, slot.plus(interval));
        return slot;
      }
    };
  }
}
