package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.Headers;

/**
 * Discord's REST limits as the fake enforces them: a fixed-window bucket per route and top-level
 * resource (channel, guild, webhook or interaction token), named by an opaque hash in
 * {@code X-RateLimit-Bucket}, and a global limit per bot token that the interaction endpoints are
 * exempt from. Discord documents "50 requests per second", not how it measures them; the fake
 * keeps a bucket of 50 that refills at 50 per second, so a burst of 50 passes, a sustained rate
 * above 50/s does not, and a paced client whose request arrives a little late (scheduling jitter)
 * does not push the next ones over. Answers either the headers to add to a normal answer or
 * the 429 Discord would send instead. Thread-safe: MockWebServer dispatches each connection on its
 * own thread.
 */
final class RestLimiter {

  static final String VIA = "1.1 google";

  /**
   * A window counts as reset this long before the reset it advertised. JDA reads
   * {@code Reset-After: 0.123} as {@code (long) (0.123 * 1000) = 122} ms, and on loopback its
   * clock can read the same millisecond the fake answered in; Discord's network latency hides
   * both. Without the slack a client waiting exactly as told would now and then be refused.
   */
  static final long RESET_SLACK_MILLIS = 2;

  /** A route as Discord groups it: the template names the bucket, the major parameter splits it. */
  record Route(String method, String template, String major, boolean messages, boolean interaction) {
    String bucketHash() {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256")
            .digest((method + " " + template).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** What to do with a request. */
  sealed interface Verdict permits Admitted, Refused {}

  /** Let it through and add these headers to the answer (none when limits are off). */
  record Admitted(Headers headers) implements Verdict {}

  /** Answer this 429 instead. */
  record Refused(MockResponse response) implements Verdict {}

  private static final class Window {
    long resetAtMillis;
    int used;
  }

  private final DiscordLimits limits;
  private final String applicationId;
  private final Map<String, Window> buckets = new HashMap<>();
  /** Per token: the global bucket's tokens at {@link GlobalBucket#atMillis}. */
  private final Map<String, GlobalBucket> global = new HashMap<>();

  private static final class GlobalBucket {
    double tokens;
    long atMillis;
  }

  RestLimiter(DiscordLimits limits, String applicationId) {
    this.limits = limits;
    this.applicationId = applicationId;
  }

  DiscordLimits limits() {
    return limits;
  }

  synchronized Verdict admit(String token, String method, String path, long nowMillis) {
    if (!limits.enforced()) {
      return new Admitted(Headers.of());
    }
    Route route = route(method, path, applicationId);
    GlobalBucket bucket = null;
    if (!route.interaction()) {
      int perSecond = limits.globalPerSecond();
      bucket = global.computeIfAbsent(token, t -> {
        GlobalBucket full = new GlobalBucket();
        full.tokens = perSecond;
        full.atMillis = nowMillis;
        return full;
      });
      bucket.tokens = Math.min(perSecond, bucket.tokens + (nowMillis - bucket.atMillis) * perSecond / 1000.0);
      bucket.atMillis = nowMillis;
      if (bucket.tokens < 1) {
        return new Refused(globalLimited((1 - bucket.tokens) / perSecond));
      }
    }
    DiscordLimits.Bucket limit = route.messages() ? limits.messages() : limits.otherRoutes();
    String hash = route.bucketHash();
    Window window = buckets.computeIfAbsent(token + "|" + hash + "|" + route.major(), k -> new Window());
    if (nowMillis >= window.resetAtMillis - RESET_SLACK_MILLIS) {
      window.used = 0;
      window.resetAtMillis = nowMillis + limit.window().toMillis();
    }
    if (window.used >= limit.limit()) {
      return new Refused(routeLimited(hash, limit.limit(), window.resetAtMillis, nowMillis));
    }
    window.used++;
    if (bucket != null) {
      bucket.tokens -= 1;
    }
    return new Admitted(bucketHeaders(hash, limit.limit(), limit.limit() - window.used, window.resetAtMillis, nowMillis)
        .build());
  }

  private static Headers.Builder bucketHeaders(String hash, int limit, int remaining, long resetAt, long now) {
    return new Headers.Builder()
        .add("X-RateLimit-Limit", Integer.toString(limit))
        .add("X-RateLimit-Remaining", Integer.toString(remaining))
        .add("X-RateLimit-Reset", seconds(resetAt))
        .add("X-RateLimit-Reset-After", seconds(resetAt - now))
        .add("X-RateLimit-Bucket", hash)
        .add("Via", VIA);
  }

  private static MockResponse routeLimited(String hash, int limit, long resetAt, long now) {
    double retryAfter = (resetAt - now) / 1000.0;
    Headers headers = bucketHeaders(hash, limit, 0, resetAt, now)
        .add("Retry-After", Long.toString(retryAfterHeader(retryAfter)))
        .add("X-RateLimit-Scope", "user")
        .build();
    return tooManyRequests(headers, retryAfter, false);
  }

  private static MockResponse globalLimited(double retryAfter) {
    // Discord's global 429 carries no bucket headers (rate-limits.md, "Example Exceeded Global Rate Limit Response")
    Headers headers = new Headers.Builder()
        .add("Retry-After", Long.toString(retryAfterHeader(retryAfter)))
        .add("X-RateLimit-Global", "true")
        .add("X-RateLimit-Scope", "global")
        .add("Via", VIA)
        .build();
    return tooManyRequests(headers, retryAfter, true);
  }

  /** A 429 of scope {@code scope} for a scripted answer (e.g. {@code shared}), with Discord's body and headers. */
  static MockResponse scripted(String bucketHash, double retryAfter, String scope) {
    long now = System.currentTimeMillis();
    long resetAt = now + Math.round(retryAfter * 1000);
    Headers.Builder headers = bucketHeaders(bucketHash, 5, 0, resetAt, now)
        .add("Retry-After", Long.toString(retryAfterHeader(retryAfter)))
        .add("X-RateLimit-Scope", scope);
    return tooManyRequests(headers.build(), retryAfter, false);
  }

  /** {@code Retry-After} is whole seconds, rounded up: JDA reads it with {@code Long.parseLong}. */
  static long retryAfterHeader(double seconds) {
    return Math.max(1, (long) Math.ceil(seconds));
  }

  private static MockResponse tooManyRequests(Headers headers, double retryAfter, boolean global) {
    ObjectNode body = FakePayloads.JSON.createObjectNode();
    body.put("message", "You are being rate limited.")
        .put("retry_after", Math.round(retryAfter * 1000) / 1000.0)
        .put("global", global)
        .put("code", 0);
    return new MockResponse.Builder().code(429).headers(headers)
        .setHeader("Content-Type", "application/json").body(body.toString()).build();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /**
   * Groups a path below {@code /api/v10} the way Discord does: ids become placeholders, the first
   * channel, guild, webhook (id + token) or interaction token is the major parameter. Interaction
   * callbacks and the application's own webhook routes (follow-ups) are the interaction endpoints,
   * which the global limit does not bind.
   */
  static Route route(String method, String path, String applicationId) {
    String[] segments = path.replaceFirst("^/", "").split("/");
    StringBuilder template = new StringBuilder();
    String major = "";
    boolean interaction = false;
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      String previous = i == 0 ? "" : segments[i - 1];
      String placeholder = null;
      if (previous.equals("interactions") && i == 1) {
        placeholder = "{interaction_id}";
        interaction = true;
      } else if (i == 2 && segments[0].equals("interactions")) {
        placeholder = "{interaction_token}";
        major = "interaction_token=" + s;
      } else if (previous.equals("webhooks") && i == 1) {
        placeholder = "{webhook_id}";
        major = "webhook_id=" + s;
        interaction = s.equals(applicationId);
      } else if (i == 2 && segments[0].equals("webhooks")) {
        placeholder = "{webhook_token}";
        major += "+" + s;
      } else if (s.matches("\\d+")) {
        if (i == 1 && (previous.equals("channels") || previous.equals("guilds")) && major.isEmpty()) {
          placeholder = "{" + previous.substring(0, previous.length() - 1) + "_id}";
          major = previous.substring(0, previous.length() - 1) + "_id=" + s;
        } else {
          placeholder = "{id}";
        }
      }
      template.append('/').append(placeholder == null ? s : placeholder);
    }
    String t = template.toString();
    return new Route(method, t, major, method.equals("POST") && t.equals("/channels/{channel_id}/messages"),
        interaction);
  }
}
