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

/** The Web API methods the fake answers, with Slack's response shapes and error codes. */
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

  FakeWebApi(FakeSlack slack) {
    this.slack = slack;
  }

  Answer handle(String method, String token, Map<String, String> params) {
    boolean appMethod = method.equals("apps.connections.open");
    String expected = appMethod ? FakeSlack.APP_TOKEN : FakeSlack.BOT_TOKEN;
    if (token == null || !token.equals(expected)) {
      boolean otherKind = token != null && token.equals(appMethod ? FakeSlack.BOT_TOKEN : FakeSlack.APP_TOKEN);
      return Answer.error(otherKind ? "not_allowed_token_type" : "invalid_auth");
    }
    Scripted scripted = slack.scripted(method);
    if (scripted != null && !scripted.passes()) {
      ObjectNode body = JSON.createObjectNode().put("ok", false).put("error", scripted.error());
      return new Answer(scripted.status(), body,
          scripted.retryAfter().map(s -> Map.of("Retry-After", String.valueOf(s))).orElse(Map.of()));
    }
    return switch (method) {
      case "auth.test" -> Answer.ok(JSON.createObjectNode()
          .put("url", "https://paperboy-test.slack.com/").put("team", "Paperboy Test").put("user", "paperboy")
          .put("team_id", FakeSlack.TEAM_ID).put("user_id", FakeSlack.BOT_USER_ID).put("bot_id", FakeSlack.BOT_ID)
          .put("is_enterprise_install", false));
      case "apps.connections.open" -> Answer.ok(JSON.createObjectNode().put("url", slack.socketMode().url()));
      case "chat.postMessage" -> postMessage(params);
      case "users.info" -> usersInfo(params);
      case "conversations.open" -> openConversation(params);
      case "conversations.history" -> history(params, Optional.empty());
      case "conversations.replies" -> history(params, Optional.ofNullable(params.get("ts")));
      default -> Answer.error("unknown_method");
    };
  }

  private Answer postMessage(Map<String, String> params) {
    String channel = params.get("channel");
    Optional<Answer> refused = membership(channel);
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
    if (thread.isPresent() && slack.messages(channel).stream().noneMatch(m -> m.ts().equals(thread.get()))) {
      return Answer.error("thread_not_found");
    }
    Optional<JsonNode> metadata;
    try {
      metadata = params.containsKey("metadata") ? Optional.of(JSON.readTree(params.get("metadata"))) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Answer.error("invalid_metadata_format");
    }
    PostedMessage posted = new PostedMessage(channel, slack.nextTs(), thread, text, blocks, metadata, Map.copyOf(params));
    slack.messages.add(posted);
    ObjectNode body = JSON.createObjectNode().put("channel", channel).put("ts", posted.ts());
    body.set("message", message(posted, true));
    return Answer.ok(body);
  }

  private Answer usersInfo(Map<String, String> params) {
    boolean[] roles = slack.users.get(params.get("user"));
    if (roles == null) {
      return Answer.error("user_not_found");
    }
    ObjectNode body = JSON.createObjectNode();
    body.putObject("user").put("id", params.get("user")).put("team_id", FakeSlack.TEAM_ID)
        .put("name", params.get("user").toLowerCase(java.util.Locale.ROOT)).put("is_bot", false)
        .put("is_admin", roles[0]).put("is_owner", roles[1]).put("is_primary_owner", false);
    return Answer.ok(body);
  }

  /** A DM channel per user, id {@code D} + user id, which the bot is a member of. */
  private Answer openConversation(Map<String, String> params) {
    String users = params.getOrDefault("users", "");
    if (users.isBlank() || users.contains(",")) {
      return Answer.error(users.isBlank() ? "users_list_not_supplied" : "not_implemented");
    }
    String id = "D" + users;
    slack.channel(id, FakeSlack.Membership.MEMBER);
    ObjectNode body = JSON.createObjectNode();
    body.putObject("channel").put("id", id).put("is_im", true).put("user", users);
    return Answer.ok(body);
  }

  private Answer history(Map<String, String> params, Optional<String> thread) {
    String channel = params.get("channel");
    Optional<Answer> refused = membership(channel);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean withMetadata = truthy(params.get("include_all_metadata"));
    int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
    List<PostedMessage> selected = new ArrayList<>(slack.messages(channel).stream()
        .filter(m -> thread.map(t -> m.ts().equals(t) || m.threadTs().equals(Optional.of(t)))
            .orElse(m.threadTs().isEmpty()))
        .toList());
    // history lists newest first, replies oldest first (the thread's root leads)
    selected.sort(thread.isPresent() ? Comparator.comparing(PostedMessage::ts)
        : Comparator.comparing(PostedMessage::ts).reversed());
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("messages");
    selected.stream().limit(limit).forEach(m -> list.add(message(m, withMetadata)));
    body.put("has_more", selected.size() > limit);
    return Answer.ok(body);
  }

  private Optional<Answer> membership(String channel) {
    FakeSlack.Membership m = channel == null ? null : slack.channels.get(channel);
    if (m == null) {
      return Optional.of(Answer.error("channel_not_found"));
    }
    return switch (m) {
      case MEMBER -> Optional.empty();
      case NOT_IN_CHANNEL -> Optional.of(Answer.error("not_in_channel"));
      case ARCHIVED -> Optional.of(Answer.error("is_archived"));
    };
  }

  private static ObjectNode message(PostedMessage m, boolean withMetadata) {
    ObjectNode node = JSON.createObjectNode().put("type", "message").put("user", FakeSlack.BOT_USER_ID)
        .put("bot_id", FakeSlack.BOT_ID).put("text", m.text()).put("ts", m.ts());
    m.threadTs().ifPresent(t -> node.put("thread_ts", t));
    node.set("blocks", m.blocks());
    if (withMetadata) {
      m.metadata().ifPresent(meta -> node.set("metadata", meta));
    }
    return node;
  }

  private static boolean truthy(String value) {
    return "1".equals(value) || "true".equalsIgnoreCase(value);
  }
}
