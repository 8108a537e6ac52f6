package io.paperboy.slack;

import io.paperboy.store.ratelimit.SharedRateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Paces Web API calls before they are sent, so that Slack's limits are kept rather than learnt
 * from 429 answers: {@code chat.postMessage} at one message per second per channel, every other
 * method at its tier per workspace (Slack counts "per method per workspace per app"). A caller
 * takes the next free slot of its key and sleeps until it; a 429's {@code Retry-After} holds the
 * key until it has passed, so that every caller of that key waits, not only the refused one.
 *
 * <p>The slots come from a {@link SharedRateLimit}: in the database when several instances share
 * one, so that all of them together keep Slack's limits (Slack counts per app, not per process);
 * in-process otherwise. Slots are evenly spaced (a limit of one per interval, no bursts): Slack
 * publishes no burst sizes, and even spacing keeps a long fan-out at the limit's rate without
 * ever touching it. Interaction answers ({@code response_url}, the ack) do not come through here:
 * a person's answer must not queue behind the day's fan-out. Thread-safe.
 */
public final class SlackPacer {

  /** {@code chat.postMessage}: Slack allows about one message per second per channel. */
  public static final Duration POST_INTERVAL = Duration.ofSeconds(1);
  /**
   * Override key for {@code chat.postMessage} across one workspace. Slack limits that too
   * ("several hundred messages per minute") without a number, so it is not paced unless set.
   */
  public static final String WORKSPACE_POSTING = "chat.postMessage/workspace";

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
  /** The interval of an unpaced method: the smallest window a limit takes; only holds matter. */
  private static final Duration UNPACED = Duration.ofNanos(1_000);

  private final SharedRateLimit slots;
  private final Map<String, Duration> overrides;
  private final Clock clock;
  private final boolean paced;

  /** Paced within this process only (one instance, tests). */
  public SlackPacer() {
    this(Map.of());
  }

  /** @param overrides per-method intervals replacing the defaults (a tighter non-Marketplace app, tests) */
  public SlackPacer(Map<String, Duration> overrides) {
    this(SharedRateLimit.inProcess(), overrides, Clock.systemUTC());
  }

  /**
   * @param slots     where the slots come from: {@code Stores.rateLimits()} for every instance on
   *                  one database to keep the limits together
   * @param overrides per-method intervals replacing the defaults
   * @param clock     the real time the slots are in (instances must agree on it)
   */
  public SlackPacer(SharedRateLimit slots, Map<String, Duration> overrides, Clock clock) {
    this(slots, overrides, clock, true);
  }

  private SlackPacer(SharedRateLimit slots, Map<String, Duration> overrides, Clock clock, boolean paced) {
    this.slots = Objects.requireNonNull(slots, "slots");
    this.overrides = Map.copyOf(overrides);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.paced = paced;
  }

  /** The defaults, on these shared slots. */
  public static SlackPacer of(SharedRateLimit slots) {
    return new SlackPacer(slots, Map.of(), Clock.systemUTC());
  }

  /** Paces nothing; only {@link #backOff} after a 429 holds callers. */
  public static SlackPacer unpaced() {
    return new SlackPacer(SharedRateLimit.inProcess(), Map.of(), Clock.systemUTC(), false);
  }

  /** The spacing of {@code method}'s calls within one key; empty for methods Paperboy does not pace. */
  Optional<Duration> interval(String method) {
    if (!paced) {
      return Optional.of(UNPACED);
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

  /**
   * Waits until a call of {@code method} for this workspace (and channel, for posting) may go.
   *
   * @return the slot waited for; empty for a method that is not paced
   */
  public Optional<Instant> acquire(String method, String workspace, String channel) throws InterruptedException {
    Optional<Duration> interval = interval(method);
    if (interval.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Duration perWorkspace = method.equals("chat.postMessage") && paced ? overrides.get(WORKSPACE_POSTING) : null;
    if (perWorkspace != null) {
      // the workspace's slot first, then the channel's from it: the channel's slot is the one sent
      // in, so the channel's spacing holds exactly and the workspace's at least
      now = slots.take(WORKSPACE_POSTING + "|" + workspace, 1, perWorkspace, now);
    }
    Instant slot = slots.take(key(method, workspace, channel), 1, interval.get(), now);
    long wait = Duration.between(clock.instant(), slot).toNanos();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    return Optional.of(slot);
  }

  /**
   * A call of {@code method} was answered (whatever the answer). For posting, the channel's next
   * slot is then at least an interval after the answer as well as after the slot: a post that was
   * delayed on its way (a descheduled thread, a slow hop) would otherwise arrive at Slack close to
   * the next one, sent on time. The answer came after the post arrived, so the next post, sent an
   * interval after the answer, arrives at least an interval after it. Other methods are paced per
   * workspace at tier rates with room to spare, and are not held.
   */
  public void answered(String method, String workspace, String channel) {
    if (!paced || !method.equals("chat.postMessage")) {
      return;
    }
    interval(method).ifPresent(i -> slots.holdUntil(key(method, workspace, channel), clock.instant().plus(i)));
  }

  /** Slack answered 429: nobody calls this key again before {@code retryAfter} has passed. */
  public void backOff(String method, String workspace, String channel, Duration retryAfter) {
    slots.holdUntil(key(method, workspace, channel), clock.instant().plus(retryAfter));
  }

  /** The shared limit's key: Slack's, prefixed so it cannot meet another platform's. */
  static String key(String method, String workspace, String channel) {
    return method.equals("chat.postMessage") ? "slack:" + method + "|" + workspace + "|" + channel
        : "slack:" + method + "|" + workspace;
  }
}
