package io.paperboy.testkit.discord;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the fake Discord enforces, and whether it enforces any.
 *
 * <p>{@link #discord()} gives Discord's documented numbers: 50 requests per second per bot token
 * across all routes (interaction endpoints exempt), messages to one channel 5 per 5 seconds, at
 * most {@code max_concurrency} IDENTIFYs per rate-limit key per 5 seconds. Discord publishes no
 * number for the other routes; {@link #otherRoutes()} only keeps their bucket headers present
 * (the global limit is what binds them). {@link #off()} — the default of {@link FakeDiscord} — sends
 * no rate-limit headers and never answers 429 by itself, exactly as the fake always did, so tests
 * that post many messages to one channel stay fast.
 *
 * @param enforced        whether buckets, the global limit and the identify limit apply at all
 * @param globalPerSecond requests per second per token (a bucket of that many, refilled at that
 *                        rate: bursts up to it pass, a faster sustained rate does not)
 * @param messages        {@code POST /channels/{id}/messages}, per channel
 * @param otherRoutes     every other route, per route and top-level resource
 * @param identifyWindow  how long one IDENTIFY blocks its rate-limit key
 */
public record DiscordLimits(boolean enforced, int globalPerSecond, Bucket messages, Bucket otherRoutes,
    Duration identifyWindow) {

  /**
   * A fixed-window bucket: {@code limit} requests, then none until {@code window} after the
   * window's first request (Discord's {@code X-RateLimit-Reset}).
   */
  public record Bucket(int limit, Duration window) {
    public Bucket {
      if (limit < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a bucket needs limit >= 1 and a positive window, got " + limit + " per " + window);
      }
    }
  }

  public DiscordLimits {
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(otherRoutes, "otherRoutes");
    Objects.requireNonNull(identifyWindow, "identifyWindow");
    if (globalPerSecond < 1) {
      throw new IllegalArgumentException("globalPerSecond must be >= 1, got " + globalPerSecond);
    }
  }

  /** Discord's limits. */
  public static DiscordLimits discord() {
    return new DiscordLimits(true, 50, new Bucket(5, Duration.ofSeconds(5)), new Bucket(50, Duration.ofSeconds(1)),
        Duration.ofSeconds(5));
  }

  /** No limits, no rate-limit headers (scripted 429s still work and are still counted). */
  public static DiscordLimits off() {
    return new DiscordLimits(false, 50, new Bucket(5, Duration.ofSeconds(5)), new Bucket(50, Duration.ofSeconds(1)),
        Duration.ofSeconds(5));
  }

  /**
   * These limits with the per-channel message bucket changed: Discord's 5 per 5 s makes a test of
   * 30 messages to one channel take 25 s; 5 per 500 ms keeps the same pacing logic and headers in
   * a tenth of the time.
   */
  public DiscordLimits withMessages(int limit, Duration window) {
    return new DiscordLimits(enforced, globalPerSecond, new Bucket(limit, window), otherRoutes, identifyWindow);
  }

  public DiscordLimits withGlobalPerSecond(int perSecond) {
    return new DiscordLimits(enforced, perSecond, messages, otherRoutes, identifyWindow);
  }

  public DiscordLimits withOtherRoutes(int limit, Duration window) {
    return new DiscordLimits(enforced, globalPerSecond, messages, new Bucket(limit, window), identifyWindow);
  }

  public DiscordLimits withIdentifyWindow(Duration window) {
    return new DiscordLimits(enforced, globalPerSecond, messages, otherRoutes, window);
  }
}
