package io.paperboy.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may run manager-only commands in a workspace: its admins and owners ({@code users.info}),
 * and the users on the configured allow-list. Answers are cached briefly per workspace and user,
 * so a burst of commands costs one lookup; a failed lookup is not cached and counts as "no".
 */
final class SlackManagers {

  private static final Logger log = LoggerFactory.getLogger(SlackManagers.class);

  private record Entry(boolean canManage, Instant expires) {}

  private final BiPredicate<String, String> allowList;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  /**
   * @param allowList (team id, user id) → whether the configuration names this user
   * @param ttl       how long an answer from Slack is trusted
   */
  SlackManagers(BiPredicate<String, String> allowList, Clock clock, Duration ttl) {
    this.allowList = allowList;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** @param client Web API client bound to the workspace's bot token (needs {@code users:read}) */
  boolean canManage(MethodsClient client, String teamId, String userId) {
    if (allowList.test(teamId, userId)) {
      return true;
    }
    String key = teamId + ":" + userId;
    Instant now = clock.instant();
    Entry cached = cache.get(key);
    if (cached != null && cached.expires().isAfter(now)) {
      return cached.canManage();
    }
    try {
      UsersInfoResponse info = client.usersInfo(r -> r.user(userId));
      if (!info.isOk() || info.getUser() == null) {
        log.warn("users.info for {} in {} failed: {}{}; treating them as not a manager", userId, teamId,
            info.getError(), info.getNeeded() == null ? "" : " (needs scope " + info.getNeeded() + ")");
        return false;
      }
      User user = info.getUser();
      boolean manager = user.isAdmin() || user.isOwner() || user.isPrimaryOwner();
      cache.put(key, new Entry(manager, now.plus(ttl)));
      return manager;
    } catch (IOException | SlackApiException e) {
      log.warn("users.info for {} in {} failed: {}; treating them as not a manager", userId, teamId, e.toString());
      return false;
    }
  }
}
