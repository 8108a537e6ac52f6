package io.paperboy.testkit.slack;

import static io.paperboy.testkit.slack.FakeSlack.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Web API methods the fake answers, with Slack's response shapes and error codes. Each call is
 * checked in Slack's order: the token (which decides the team), a scripted failure, the rate
 * limit, then the method itself against that team's channels and users.
 */
final class FakeWebApi {

  /** An HTTP answer: status, JSON body, extra headers. */
  record Answer(int status, ObjectNode body, Map<String, String> headers) {
    static Answer ok(ObjectNode body) {
      body.put("ok", true);
      return new Answer(200, body, Map.of());
    }

    static Answer error(String code) {
      ObjectNode body = JSON.createObjectNode().put("ok", false).put("error", code);
      return new Answer(200, body, Map.of());
    }
  }

  private final FakeSlack slack;
  private final FakeOAuth oauth;
  private final FakeFiles files;

  FakeWebApi(FakeSlack slack, FakeFiles files) {
    this.slack = slack;
    this.oauth = new FakeOAuth(slack);
    this.files = files;
  }

  /**
   * Answers one call.
   *
   * @param authorization the {@code Authorization} header, or null
   * @param token         the token presented (Bearer or {@code token} parameter), or null
   */
  Answer handle(String method, String authorization, String token, Map<String, String> params) {
    if (method.equals("oauth.v2.access")) {
      // no token: the app authenticates with its client id and secret
      return scriptedOrLimited(method, "app", "").orElseGet(() -> oauth.access(authorization, params));
    }
    boolean appMethod = method.equals("apps.connections.open");
    SlackTokens.Resolution auth = slack.tokens.resolve(token, appMethod ? SlackTokens.Kind.APP : SlackTokens.Kind.BOT);
    if (auth.error().isPresent()) {
      return Answer.error(auth.error().get());
    }
    FakeTeam team = slack.team(auth.teamId().get());
    Optional<Answer> refused = scriptedOrLimited(method, team.id(), params.getOrDefault("channel", ""));
    if (refused.isPresent()) {
      return refused.get();
    }
    return switch (method) {
      case "auth.test" -> authTest(team);
      case "apps.connections.open" -> Answer.ok(JSON.createObjectNode().put("url", slack.socketMode().url()));
      case "chat.postMessage" -> postMessage(team, params);
      case "users.info" -> usersInfo(team, params);
      case "conversations.open" -> openConversation(team, params);
      case "conversations.history" -> history(team, params, Optional.empty());
      case "conversations.replies" -> history(team, params, Optional.ofNullable(params.get("ts")));
      case "files.getUploadURLExternal" -> files.getUploadUrl(team, params);
      case "files.completeUploadExternal" -> files.complete(team, params);
      default -> Answer.error("unknown_method");
    };
  }

  /** A scripted failure for the method, or Slack's 429 when its limit is spent; empty to go on. */
  private Optional<Answer> scriptedOrLimited(String method, String teamId, String channel) {
    Scripted scripted = slack.scripted(method);
    if (scripted != null && !scripted.passes()) {
      ObjectNode body = JSON.createObjectNode().put("ok", false).put("error", scripted.error());
      return Optional.of(new Answer(scripted.status(), body,
          scripted.retryAfter().map(s -> Map.of("Retry-After", String.valueOf(s))).orElse(Map.of())));
    }
    OptionalLong wait = slack.limiter.admit(method, teamId, channel, System.nanoTime());
    if (wait.isPresent()) {
      ObjectNode body = JSON.createObjectNode().put("ok", false).put("error", "ratelimited");
      return Optional.of(new Answer(429, body, Map.of("Retry-After", Long.toString(wait.getAsLong()))));
    }
    return Optional.empty();
  }

  private static Answer authTest(FakeTeam team) {
    ObjectNode body = JSON.createObjectNode()
        .put("url", "https://" + team.domain() + ".slack.com/").put("team", team.name()).put("user", "paperboy")
        .put("team_id", team.id()).put("user_id", team.botUserId()).put("bot_id", team.botId())
        .put("is_enterprise_install", false);
    team.enterpriseId().ifPresent(e -> body.put("enterprise_id", e));
    return Answer.ok(body);
  }

  private Answer postMessage(FakeTeam team, Map<String, String> params) {
    String channel = params.get("channel");
    Optional<Answer> refused = membership(team, channel);
    if (refused.isPresent()) {
      return refused.get();
    }
    String text = params.getOrDefault("text", "");
    JsonNode blocks;
    try {
      blocks = params.containsKey("blocks") ? JSON.readTree(params.get("blocks")) : JSON.createArrayNode();
    } catch (JsonProcessingException e) {
      return Answer.error("invalid_blocks_format");
    }
    if (text.isEmpty() && blocks.isEmpty()) {
      return Answer.error("no_text");
    }
    List<String> errors = BlockKitValidator.validate(blocks);
    if (!errors.isEmpty()) {
      Answer answer = Answer.error("invalid_blocks");
      ArrayNode list = answer.body().putArray("errors");
      ArrayNode messages = answer.body().putObject("response_metadata").putArray("messages");
      errors.forEach(e -> {
        list.add(e);
        messages.add("[ERROR] " + e);
      });
      return answer;
    }
    if (BlockKitValidator.totalText(blocks) > BlockKitValidator.MAX_TOTAL_TEXT) {
      return Answer.error("msg_blocks_too_long");
    }
    if (text.length() > 40_000) {
      return Answer.error("msg_too_long");
    }
    Optional<String> thread = Optional.ofNullable(params.get("thread_ts")).filter(t -> !t.isEmpty());
    if (thread.isPresent() && team.messages(channel).stream().noneMatch(m -> m.ts().equals(thread.get()))) {
      return Answer.error("thread_not_found");
    }
    Optional<JsonNode> metadata;
    try {
      metadata = params.containsKey("metadata") ? Optional.of(JSON.readTree(params.get("metadata"))) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Answer.error("invalid_metadata_format");
    }
    PostedMessage posted = new PostedMessage(channel, slack.nextTs(), thread, text, blocks, metadata, Map.copyOf(params),
        team.id());
    team.messages.add(posted);
    ObjectNode body = JSON.createObjectNode().put("channel", channel).put("ts", posted.ts());
    body.set("message", message(team, posted, true));
    return Answer.ok(body);
  }

  private static Answer usersInfo(FakeTeam team, Map<String, String> params) {
    boolean[] roles = team.users.get(params.get("user"));
    if (roles == null) {
      return Answer.error("user_not_found");
    }
    ObjectNode body = JSON.createObjectNode();
    body.putObject("user").put("id", params.get("user")).put("team_id", team.id())
        .put("name", params.get("user").toLowerCase(java.util.Locale.ROOT)).put("is_bot", false)
        .put("is_admin", roles[0]).put("is_owner", roles[1]).put("is_primary_owner", false);
    return Answer.ok(body);
  }

  /** A DM channel per user, id {@code D} + user id, which the bot is a member of. */
  private static Answer openConversation(FakeTeam team, Map<String, String> params) {
    String users = params.getOrDefault("users", "");
    if (users.isBlank() || users.contains(",")) {
      return Answer.error(users.isBlank() ? "users_list_not_supplied" : "not_implemented");
    }
    String id = "D" + users;
    team.channel(id, FakeSlack.Membership.MEMBER);
    ObjectNode body = JSON.createObjectNode();
    body.putObject("channel").put("id", id).put("is_im", true).put("user", users);
    return Answer.ok(body);
  }

  private Answer history(FakeTeam team, Map<String, String> params, Optional<String> thread) {
    String channel = params.get("channel");
    Optional<Answer> refused = membership(team, channel);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean withMetadata = truthy(params.get("include_all_metadata"));
    int asked = Integer.parseInt(params.getOrDefault("limit", "100"));
    int limit = slack.limiter.limits().historyMaxMessages().map(max -> Math.min(max, asked)).orElse(asked);
    // oldest/latest bound the window by ts, exclusive unless inclusive=true (Slack's defaults)
    java.math.BigDecimal oldest = decimal(params.get("oldest"));
    java.math.BigDecimal latest = decimal(params.get("latest"));
    boolean inclusive = truthy(params.get("inclusive"));
    List<PostedMessage> selected = new ArrayList<>(team.messages(channel).stream()
        .filter(m -> thread.map(t -> m.ts().equals(t) || m.threadTs().equals(Optional.of(t)))
            .orElse(m.threadTs().isEmpty()))
        .filter(m -> within(new java.math.BigDecimal(m.ts()), oldest, latest, inclusive))
        .toList());
    // history lists newest first, replies oldest first (the thread's root leads)
    selected.sort(thread.isPresent() ? Comparator.comparing(PostedMessage::ts)
        : Comparator.comparing(PostedMessage::ts).reversed());
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("messages");
    selected.stream().limit(limit).forEach(m -> list.add(message(team, m, withMetadata)));
    body.put("has_more", selected.size() > limit);
    return Answer.ok(body);
  }

  static Optional<Answer> membership(FakeTeam team, String channel) {
    FakeSlack.Membership m = channel == null ? null : team.channels.get(channel);
    if (m == null) {
      return Optional.of(Answer.error("channel_not_found"));
    }
    return switch (m) {
      case MEMBER -> Optional.empty();
      case NOT_IN_CHANNEL -> Optional.of(Answer.error("not_in_channel"));
      case ARCHIVED -> Optional.of(Answer.error("is_archived"));
    };
  }

  private static ObjectNode message(FakeTeam team, PostedMessage m, boolean withMetadata) {
    ObjectNode node = JSON.createObjectNode().put("type", "message").put("user", team.botUserId())
        .put("bot_id", team.botId()).put("text", m.text()).put("ts", m.ts());
    m.threadTs().ifPresent(t -> node.put("thread_ts", t));
    node.set("blocks", m.blocks());
    List<SlackUpload> shared = team.uploads.stream().filter(u -> u.messageTs().equals(m.ts())).toList();
    if (!shared.isEmpty()) {
      ArrayNode filesNode = node.putArray("files");
      shared.forEach(u -> filesNode.addObject().put("id", u.fileId()).put("name", u.filename()).put("title", u.title())
          .put("mimetype", FakeFiles.mimetype(u.filename(), u.bytes())).put("size", u.bytes().length));
    }
    if (withMetadata) {
      m.metadata().ifPresent(meta -> node.set("metadata", meta));
    }
    return node;
  }

  private static java.math.BigDecimal decimal(String ts) {
    if (ts == null || ts.isBlank()) {
      return null;
    }
    try {
      return new java.math.BigDecimal(ts);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean within(java.math.BigDecimal ts, java.math.BigDecimal oldest, java.math.BigDecimal latest,
      boolean inclusive) {
    if (oldest != null && (inclusive ? ts.compareTo(oldest) < 0 : ts.compareTo(oldest) <= 0)) {
      return false;
    }
    return latest == null || (inclusive ? ts.compareTo(latest) <= 0 : ts.compareTo(latest) < 0);
  }

  private static boolean truthy(String value) {
    return "1".equals(value) || "true".equalsIgnoreCase(value);
  }
}
