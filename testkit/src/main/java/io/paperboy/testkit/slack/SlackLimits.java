package io.paperboy.testkit.slack;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Web API rate limits the fake Slack enforces, and whether it enforces any. Slack applies them
 * "per API method per workspace per app" and answers HTTP 429 with {@code Retry-After} (seconds)
 * and {@code {"ok":false,"error":"ratelimited"}}.
 *
 * <p>{@link #slack()} gives Slack's published tiers (tier 1: 1+/min, 2: 20+/min, 3: 50+/min,
 * 4: 100+/min; the tier of each method as Slack's method pages and the SDK's
 * {@code MethodsRateLimits} give it) and {@code chat.postMessage}'s special limit of about one
 * message per second per channel with a short burst. Slack publishes no burst sizes: a tier's
 * bucket holds one minute's worth (bursts are "welcome" from tier 2 up), the per-channel posting
 * bucket {@link #postBurst()} messages. {@link #nonMarketplaceApp()} applies what Slack imposes
 * since 2025-05-29 on commercially distributed apps outside the Marketplace:
 * {@code conversations.history} and {@code conversations.replies} at 1 per minute, at most 15
 * messages each. {@link #off()} — the default of {@link FakeSlack} — limits nothing, so tests
 * that post quickly stay fast.
 *
 * @param enforced              whether any limit applies
 * @param perMinute             requests per minute by method, per workspace
 * @param postsPerChannelMinute {@code chat.postMessage} per channel per minute (Slack: ~1 per second)
 * @param postBurst             how many posts to one channel may go at once
 * @param postsPerWorkspaceMinute {@code chat.postMessage} per workspace per minute, if modelled
 *                              (Slack: "several hundred", no exact number; not modelled unless set)
 * @param historyMaxMessages    the most messages one {@code conversations.history|replies} returns,
 *                              if capped below the request's {@code limit}
 */
public record SlackLimits(boolean enforced, Map<String, Integer> perMinute, int postsPerChannelMinute, int postBurst,
    Optional<Integer> postsPerWorkspaceMinute, Optional<Integer> historyMaxMessages) {

  public static final int TIER_1 = 1;
  public static final int TIER_2 = 20;
  public static final int TIER_3 = 50;
  public static final int TIER_4 = 100;
  /** {@code auth.test}: "hundreds of requests per minute" (the SDK assumes 600). */
  public static final int AUTH_TEST = 600;

  public SlackLimits {
    perMinute = Map.copyOf(perMinute);
    Objects.requireNonNull(postsPerWorkspaceMinute, "postsPerWorkspaceMinute");
    Objects.requireNonNull(historyMaxMessages, "historyMaxMessages");
    if (postsPerChannelMinute < 1 || postBurst < 1) {
      throw new IllegalArgumentException("posting needs a rate and a burst of at least 1");
    }
  }

  /** Slack's limits for a Marketplace or internal app (the historical tiers). */
  public static SlackLimits slack() {
    Map<String, Integer> tiers = new HashMap<>();
    tiers.put("auth.test", AUTH_TEST);
    tiers.put("apps.connections.open", TIER_1);
    tiers.put("users.info", TIER_4);
    tiers.put("conversations.open", TIER_3);
    tiers.put("conversations.history", TIER_3);
    tiers.put("conversations.replies", TIER_3);
    tiers.put("files.getUploadURLExternal", TIER_4);
    tiers.put("files.completeUploadExternal", TIER_4);
    tiers.put("oauth.v2.access", TIER_4);
    return new SlackLimits(true, tiers, 60, 3, Optional.empty(), Optional.empty());
  }

  /** No limits at all. */
  public static SlackLimits off() {
    return new SlackLimits(false, Map.of(), 60, 3, Optional.empty(), Optional.empty());
  }

  /**
   * These limits for a commercially distributed app not approved for the Marketplace:
   * {@code conversations.history} and {@code conversations.replies} 1 per minute, at most 15
   * messages per call (Slack's rate-limits page, changes effective 2025-05-29).
   */
  public SlackLimits nonMarketplaceApp() {
    Map<String, Integer> tiers = new HashMap<>(perMinute);
    tiers.put("conversations.history", 1);
    tiers.put("conversations.replies", 1);
    return new SlackLimits(enforced, tiers, postsPerChannelMinute, postBurst, postsPerWorkspaceMinute, Optional.of(15));
  }

  /** These limits with {@code method} at {@code perMinute} (its bucket holds a minute's worth). */
  public SlackLimits withMethod(String method, int perMinute) {
    Map<String, Integer> tiers = new HashMap<>(this.perMinute);
    tiers.put(method, perMinute);
    return new SlackLimits(enforced, tiers, postsPerChannelMinute, postBurst, postsPerWorkspaceMinute, historyMaxMessages);
  }

  /** These limits with posting to one channel at {@code perMinute}, {@code burst} at once. */
  public SlackLimits withPosting(int perMinute, int burst) {
    return new SlackLimits(enforced, this.perMinute, perMinute, burst, postsPerWorkspaceMinute, historyMaxMessages);
  }

  /** These limits with a workspace-wide posting limit (a bucket of a minute's worth). */
  public SlackLimits withWorkspacePosting(int perMinute) {
    return new SlackLimits(enforced, this.perMinute, postsPerChannelMinute, postBurst, Optional.of(perMinute),
        historyMaxMessages);
  }
}
