package io.paperboy.slack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Paces Web API calls before they are sent, so that Slack's limits are kept rather than learnt
 * from 429 answers: {@code chat.postMessage} at one message per second per channel, every other
 * method at its tier per workspace (Slack counts "per method per workspace per app"). A caller
 * reserves the next free slot of its key and sleeps until it; a 429's {@code Retry-After} moves
 * the key's next slot past it, so that every caller of that key waits, not only the refused one.
 *
 * <p>Slots are evenly spaced (no bursts): Slack publishes no burst sizes, and even spacing keeps a
 * long fan-out at the limit's rate without ever touching it. Thread-safe.
 */
public final class SlackPacer {

  /** {@code chat.postMessage}: Slack allows about one message per second per channel. */
  public static final Duration POST_INTERVAL = Duration.ofSeconds(1);

  /** The tiers Paperboy's methods are in (Slack's method pages): calls per minute. */
  private static final Map<String, Integer> PER_MINUTE = Map.of(
      "auth.test", 600,
      "users.info", 100,
      "conversations.open", 50,
      "conversations.history", 50,
      "conversations.replies", 50,
      "files.getUploadURLExternal", 100,
      "files.completeUploadExternal", 100,
      "oauth.v2.access", 100);
  /** Keys kept at most; the oldest go first (a key idle for a second needs no memory). */
  private static final int MAX_KEYS = 50_000;

  private final Map<String, Long> nextFreeNanos = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_KEYS;
    }
  };
  private final Map<String, Duration> overrides;

  private final boolean paced;

  public SlackPacer() {
    this(Map.of());
  }

  /** @param overrides per-method intervals replacing the defaults (a tighter non-Marketplace app, tests) */
  public SlackPacer(Map<String, Duration> overrides) {
    this(overrides, true);
  }

  private SlackPacer(Map<String, Duration> overrides, boolean paced) {
    this.overrides = Map.copyOf(overrides);
    this.paced = paced;
  }

  /** Paces nothing; only {@link #backOff} after a 429 holds callers. */
  public static SlackPacer unpaced() {
    return new SlackPacer(Map.of(), false);
  }

  /** The spacing of {@code method}'s calls within one key; empty for methods Paperboy does not pace. */
  Optional<Duration> interval(String method) {
    if (!paced) {
      return Optional.of(Duration.ZERO);
    }
    Duration override = overrides.get(method);
    if (override != null) {
      return Optional.of(override);
    }
    if (method.equals("chat.postMessage")) {
      return Optional.of(POST_INTERVAL);
    }
    Integer perMinute = PER_MINUTE.get(method);
    return perMinute == null ? Optional.empty() : Optional.of(Duration.ofNanos(60_000_000_000L / perMinute));
  }

  /** Waits until a call of {@code method} for this workspace (and channel, for posting) may go. */
  public void acquire(String method, String workspace, String channel) throws InterruptedException {
    Optional<Duration> interval = interval(method);
    if (interval.isEmpty()) {
      return;
    }
    String key = key(method, workspace, channel);
    long slot;
    synchronized (nextFreeNanos) {
      long now = System.nanoTime();
      Long next = nextFreeNanos.get(key);
      slot = next == null || next - now < 0 ? now : next;
      nextFreeNanos.put(key, slot + interval.get().toNanos());
    }
    long wait = slot - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** Slack answered 429: nobody calls this key again before {@code retryAfter} has passed. */
  public void backOff(String method, String workspace, String channel, Duration retryAfter) {
    String key = key(method, workspace, channel);
    synchronized (nextFreeNanos) {
      long after = System.nanoTime() + retryAfter.toNanos();
      Long next = nextFreeNanos.get(key);
      if (next == null || next - after < 0) {
        nextFreeNanos.put(key, after);
      }
    }
  }

  private static String key(String method, String workspace, String channel) {
    return method.equals("chat.postMessage") ? method + "|" + workspace + "|" + channel : method + "|" + workspace;
  }
}
