package io.paperboy.testkit.slack;

import static io.paperboy.testkit.slack.FakeSlack.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events API payloads as Slack POSTs them to an app's request URL ({@code type: event_callback}
 * around the event, the workspace in {@code team_id}), for the events an installed app must act
 * on: {@code app_uninstalled} and {@code tokens_revoked}. Slack sends these two without
 * {@code authorizations} (the installation they would name is gone; Bolt's default handlers say
 * as much), so the fake leaves it out too. Deliver them signed with
 * {@link SignedRequests#postJson}: Bolt checks the signature before any handler runs, and skips
 * token lookup for exactly these two events.
 */
public final class SlackEvents {

  private static final AtomicLong IDS = new AtomicLong(0x1A2B3C);

  private SlackEvents() {}

  /** {@code app_uninstalled} in {@code team}: Slack has already revoked the installation's tokens. */
  public static String appUninstalled(FakeTeam team) {
    return callback(team, JSON.createObjectNode().put("type", "app_uninstalled"));
  }

  /**
   * {@code tokens_revoked} in {@code team}: the ids of the users whose tokens went — user tokens
   * under {@code oauth}, bot users under {@code bot} (ids, never the token strings).
   */
  public static String tokensRevoked(FakeTeam team, List<String> oauthUserIds, List<String> botUserIds) {
    ObjectNode event = JSON.createObjectNode().put("type", "tokens_revoked");
    ObjectNode tokens = event.putObject("tokens");
    oauthUserIds.forEach(tokens.putArray("oauth")::add);
    botUserIds.forEach(tokens.putArray("bot")::add);
    if (oauthUserIds.isEmpty()) {
      tokens.remove("oauth");
    }
    if (botUserIds.isEmpty()) {
      tokens.remove("bot");
    }
    return callback(team, event);
  }

  private static String callback(FakeTeam team, ObjectNode event) {
    long now = Instant.now().getEpochSecond();
    event.put("event_ts", now + ".000100");
    ObjectNode payload = JSON.createObjectNode();
    payload.put("token", "deprecated-verification-token").put("team_id", team.id())
        .put("api_app_id", FakeSlack.APP_ID);
    team.enterpriseId().ifPresent(e -> payload.put("enterprise_id", e));
    payload.set("event", event);
    payload.put("type", "event_callback").put("event_id", "Ev" + Long.toString(IDS.incrementAndGet(), 36).toUpperCase())
        .put("event_time", now);
    payload.put("is_ext_shared_channel", false);
    return payload.toString();
  }
}
