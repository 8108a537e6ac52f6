package io.paperboy.testkit.slack;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Token buckets for {@link SlackLimits}, keyed as Slack keys its limits: method and workspace, and
 * for {@code chat.postMessage} also the channel. Answers how many seconds to wait (for
 * {@code Retry-After}) or nothing when the call may go. Thread-safe.
 */
final class SlackRateLimiter {

  private static final class Bucket {
    double tokens;
    long atNanos;
  }

  private volatile SlackLimits limits;
  private final Map<String, Bucket> buckets = new HashMap<>();

  SlackRateLimiter(SlackLimits limits) {
    this.limits = limits;
  }

  void limits(SlackLimits limits) {
    synchronized (this) {
      this.limits = limits;
      buckets.clear();
    }
  }

  SlackLimits limits() {
    return limits;
  }

  /** Empty when the call may go (and its tokens are taken), else the whole seconds to wait. */
  synchronized OptionalLong admit(String method, String teamId, String channel, long nowNanos) {
    SlackLimits l = limits;
    if (!l.enforced()) {
      return OptionalLong.empty();
    }
    if (method.equals("chat.postMessage")) {
      Bucket channelBucket = refill("post|" + teamId + "|" + channel, l.postsPerChannelMinute(), l.postBurst(), nowNanos);
      Bucket workspace = l.postsPerWorkspaceMinute()
          .map(n -> refill("post|" + teamId, n, n, nowNanos)).orElse(null);
      double wait = Math.max(waitSeconds(channelBucket, l.postsPerChannelMinute()),
          workspace == null ? 0 : waitSeconds(workspace, l.postsPerWorkspaceMinute().get()));
      if (wait > 0) {
        return OptionalLong.of(retryAfter(wait));
      }
      channelBucket.tokens -= 1;
      if (workspace != null) {
        workspace.tokens -= 1;
      }
      return OptionalLong.empty();
    }
    Integer perMinute = l.perMinute().get(method);
    if (perMinute == null) {
      return OptionalLong.empty();
    }
    Bucket bucket = refill(method + "|" + teamId, perMinute, perMinute, nowNanos);
    double wait = waitSeconds(bucket, perMinute);
    if (wait > 0) {
      return OptionalLong.of(retryAfter(wait));
    }
    bucket.tokens -= 1;
    return OptionalLong.empty();
  }

  private Bucket refill(String key, int perMinute, int capacity, long nowNanos) {
    Bucket b = buckets.computeIfAbsent(key, k -> {
      Bucket full = new Bucket();
      full.tokens = capacity;
      full.atNanos = nowNanos;
      return full;
    });
    b.tokens = Math.min(capacity, b.tokens + (nowNanos - b.atNanos) / 1e9 * perMinute / 60.0);
    b.atNanos = nowNanos;
    return b;
  }

  private static double waitSeconds(Bucket b, int perMinute) {
    return b.tokens >= 1 ? 0 : (1 - b.tokens) * 60.0 / perMinute;
  }

  /** Slack's {@code Retry-After} is whole seconds. */
  private static long retryAfter(double seconds) {
    return Math.max(1, (long) Math.ceil(seconds));
  }
}
