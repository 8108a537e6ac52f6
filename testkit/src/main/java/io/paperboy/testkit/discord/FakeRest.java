package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * The REST routes JDA uses, answered as Discord answers them.
 *
 * <p>Just over 300 lines: one route table, a short method per route JDA calls; splitting by route
 * would scatter the shared world state every route reads.
 */
final class FakeRest {

  private static final String PREFIX = "/api/v10";
  private static final Pattern COMMANDS = Pattern.compile("/applications/(\\d+)/commands");
  private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
  private static final Pattern FOLLOW_UP = Pattern.compile("/webhooks/(\\d+)/([^/]+)");
  private static final Pattern ORIGINAL = Pattern.compile("/webhooks/(\\d+)/([^/]+)/messages/(@|%40)original");
  private static final Pattern MESSAGES = Pattern.compile("/channels/(\\d+)/messages");
  private static final Pattern MESSAGE_THREAD = Pattern.compile("/channels/(\\d+)/messages/(\\d+)/threads");
  private static final Pattern THREADS = Pattern.compile("/channels/(\\d+)/threads");
  private static final Pattern ACTIVE_THREADS = Pattern.compile("/guilds/(\\d+)/threads/active");
  private static final Pattern MESSAGE = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");

  private final FakeDiscord fake;

  FakeRest(FakeDiscord fake) {
    this.fake = fake;
  }

  MockResponse handle(RecordedRequest request) {
    long at = System.nanoTime();
    String method = request.getMethod();
    String path = request.getUrl().encodedPath();
    path = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    String query = request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery();
    FakeAttachments.Body body = FakeAttachments.read(request.getHeaders().get("Content-Type"), request.getBody());
    String token = token(request.getHeaders().get("Authorization"));

    MockResponse response;
    boolean handled = true;
    RestLimiter.Verdict verdict = fake.rejectedTokens.contains(token) ? null
        : fake.limiter.admit(token, method, path, System.currentTimeMillis());
    if (verdict == null) {
      response = json(401, FakePayloads.error(0, "401: Unauthorized"));
    } else if (verdict instanceof RestLimiter.Refused refused) {
      response = refused.response();
    } else {
      response = scripted(method, path);
      if (response == null) {
        response = answer(method, path, body);
        handled = response != null;
        if (response == null) {
          response = json(404, FakePayloads.error(0, "404: Not Found"));
        }
      }
      response = withHeaders(response, ((RestLimiter.Admitted) verdict).headers());
    }
    fake.count(token, response);
    RecordedCall call = new RecordedCall(method, path, query, body.json(), request.getHeaders(), response.getCode(), at,
        body.files(), response.getHeaders());
    fake.record(call, handled);
    fake.answering(call);
    return response;
  }

  /** The bot token of {@code Authorization: Bot …}; Discord applies limits per token (per IP without one). */
  static String token(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return "";
    }
    return authorization.startsWith("Bot ") ? authorization.substring(4) : authorization;
  }

  /** Discord's bucket headers on a normal (or scripted) answer; a scripted 429 keeps its own. */
  private static MockResponse withHeaders(MockResponse response, Headers headers) {
    if (headers.size() == 0 || response.getHeaders().get("X-RateLimit-Bucket") != null) {
      return response;
    }
    MockResponse.Builder builder = response.newBuilder();
    headers.forEach(h -> builder.setHeader(h.getFirst(), h.getSecond()));
    return builder.build();
  }

  private MockResponse scripted(String method, String path) {
    for (FakeDiscord.ScriptedFailure f : fake.failures) {
      if (f.method().equals(method) && path.matches(f.pathRegex()) && fake.failures.remove(f)) {
        return f.response().apply(path);
      }
    }
    return null;
  }

  private MockResponse answer(String method, String path, FakeAttachments.Body request) {
    Instant now = Instant.now();
    JsonNode body = request.json();
    List<FilePart> files = request.files();
    Matcher m;
    if (request.uploadBytes() > FakeAttachments.MAX_UPLOAD_BYTES) {
      return json(413, FakePayloads.error(40005, "Request entity too large"));
    }
    if (method.equals("GET") && path.equals("/users/@me")) {
      return json(200, FakePayloads.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true));
    }
    if (method.equals("GET") && path.equals("/gateway/bot")) {
      return json(200, fake.gatewayBot());
    }
    if (method.equals("GET") && path.equals("/gateway")) {
      return json(200, FakePayloads.JSON.createObjectNode().put("url", fake.gatewayUrl()));
    }
    if ((m = COMMANDS.matcher(path)).matches() && m.group(1).equals(FakeDiscord.BOT_ID)) {
      if (method.equals("GET")) {
        return json(200, commands());
      }
      if (method.equals("PUT")) {
        fake.commands.clear();
        body.forEach(c -> fake.commands.add(registered((ObjectNode) c.deepCopy())));
        return json(200, commands());
      }
    }
    if (method.equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
      return callback(m.group(1), m.group(2), body, files, now);
    }
    if ((m = ORIGINAL.matcher(path)).matches()) {
      return original(method, interaction(m.group(2)), body, files, now);
    }
    if (method.equals("POST") && (m = FOLLOW_UP.matcher(path)).matches()) {
      FakeDiscord.Interaction i = interaction(m.group(2));
      if (i == null || !i.acknowledged()) {
        return unknownWebhook();
      }
      ObjectNode msg = FakePayloads.message(fake.nextId(), i.channelId(), i.guildId(), bot(), body, now);
      msg.put("webhook_id", FakeDiscord.BOT_ID).put("application_id", FakeDiscord.BOT_ID);
      FakeAttachments.attach(fake, msg, body, files);
      return json(200, msg);
    }
    if (method.equals("POST") && (m = MESSAGE_THREAD.matcher(path)).matches()) {
      String guild = fake.channelGuild.get(m.group(1));
      if (guild == null) {
        return unknownChannel();
      }
      fake.channelGuild.put(m.group(2), guild);
      return json(201, FakePayloads.thread(m.group(2), guild, m.group(1), FakeDiscord.BOT_ID,
          body.path("name").asText(), 11, now));
    }
    if (method.equals("POST") && path.equals("/users/@me/channels")) {
      String user = body.path("recipient_id").asText();
      String id = fake.dmChannels.computeIfAbsent(user, u -> fake.nextId());
      ObjectNode dm = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
      dm.put("id", id).put("type", 1).putNull("last_message_id");
      dm.putArray("recipients").add(FakePayloads.user(user, "user" + user, false));
      return json(200, dm);
    }
    if (method.equals("POST") && (m = MESSAGES.matcher(path)).matches()) {
      String guild = fake.channelGuild.get(m.group(1));
      if (guild == null && !fake.dmChannels.containsValue(m.group(1))) {
        return unknownChannel();
      }
      // enforce_nonce: Discord answers a nonce it saw recently in this channel with the earlier message
      String nonceKey = body.path("enforce_nonce").asBoolean() && body.hasNonNull("nonce")
          ? m.group(1) + ":" + body.get("nonce").asText() : null;
      if (nonceKey != null && fake.nonces.containsKey(nonceKey)) {
        return json(200, fake.nonces.get(nonceKey));
      }
      ObjectNode msg = FakePayloads.message(fake.nextId(), m.group(1), guild, bot(), body, now);
      FakeAttachments.attach(fake, msg, body, files);
      fake.messages.put(m.group(1) + "/" + msg.path("id").asText(), msg);
      if (nonceKey != null) {
        fake.nonces.put(nonceKey, msg);
      }
      return json(200, msg);
    }
    if (method.equals("GET") && (m = MESSAGE.matcher(path)).matches()) {
      ObjectNode msg = fake.messages.get(m.group(1) + "/" + m.group(2));
      return msg == null ? json(404, FakePayloads.error(10008, "Unknown Message")) : json(200, msg);
    }
    if (method.equals("GET") && (m = ACTIVE_THREADS.matcher(path)).matches()) {
      ObjectNode answer = FakePayloads.JSON.createObjectNode();
      com.fasterxml.jackson.databind.node.ArrayNode threads = answer.putArray("threads");
      String guild = m.group(1);
      fake.threads.values().stream().filter(t -> t.path("guild_id").asText().equals(guild)).forEach(threads::add);
      answer.putArray("members");
      return json(200, answer);
    }
    if (method.equals("POST") && (m = THREADS.matcher(path)).matches()) {
      return thread(m.group(1), body, now);
    }
    return null;
  }

  private MockResponse callback(String id, String token, JsonNode body, List<FilePart> files, Instant now) {
    FakeDiscord.Interaction i = fake.interactions.get(id);
    if (i == null || !i.token().equals(token)) {
      return json(404, FakePayloads.error(10062, "Unknown interaction"));
    }
    if (i.acknowledged()) {
      return json(400, FakePayloads.error(40060, "Interaction has already been acknowledged."));
    }
    int type = body.path("type").asInt();
    if (type != 4 && type != 5) {
      fake.interactions.put(id, i.acknowledge(null));
      return new MockResponse.Builder().code(204).build();
    }
    // JDA asks ?with_response=true: Discord then answers the interaction and the created message
    JsonNode data = body.path("data");
    ObjectNode message = FakePayloads.message(fake.nextId(), i.channelId(), i.guildId(), bot(),
        data.isMissingNode() ? FakePayloads.JSON.createObjectNode() : data, now);
    fake.interactions.put(id, i.acknowledge(message.path("id").asText()));
    FakeAttachments.attach(fake, message, data, files);
    message.put("type", 20).put("webhook_id", FakeDiscord.BOT_ID).put("application_id", FakeDiscord.BOT_ID);
    ObjectNode response = FakePayloads.JSON.createObjectNode();
    ObjectNode interaction = response.putObject("interaction");
    boolean ephemeral = (data.path("flags").asInt() & 64) != 0;
    interaction.put("id", id).put("type", 2).put("response_message_id", message.path("id").asText())
        .put("response_message_loading", type == 5).put("response_message_ephemeral", ephemeral);
    ObjectNode resource = response.putObject("resource");
    resource.put("type", type);
    resource.set("message", message);
    return json(200, response);
  }

  /** {@code /webhooks/{app}/{token}/messages/@original}: the interaction's response message. */
  private MockResponse original(String method, FakeDiscord.Interaction i, JsonNode body, List<FilePart> files,
      Instant now) {
    if (i == null || !i.acknowledged()) {
      return unknownWebhook();
    }
    if (method.equals("DELETE")) {
      return new MockResponse.Builder().code(204).build();
    }
    String messageId = i.responseMessageId() == null ? fake.nextId() : i.responseMessageId();
    ObjectNode msg = FakePayloads.message(messageId, i.channelId(), i.guildId(), bot(),
        method.equals("PATCH") ? body : FakePayloads.JSON.createObjectNode(), now);
    msg.put("type", 20).put("webhook_id", FakeDiscord.BOT_ID).put("application_id", FakeDiscord.BOT_ID);
    if (method.equals("PATCH")) {
      FakeAttachments.attach(fake, msg, body, files);
    }
    return json(200, msg);
  }

  private MockResponse thread(String parentId, JsonNode body, Instant now) {
    String guild = fake.channelGuild.get(parentId);
    if (guild == null) {
      return unknownChannel();
    }
    String id = fake.nextId();
    fake.channelGuild.put(id, guild);
    boolean forum = fake.forums.containsKey(parentId);
    ObjectNode thread = FakePayloads.thread(id, guild, parentId, FakeDiscord.BOT_ID, body.path("name").asText(),
        forum ? 11 : body.path("type").asInt(11), now);
    fake.threads.put(id, thread.deepCopy());
    if (forum) {
      // a forum post's starter message shares the thread's id
      ObjectNode starter = FakePayloads.message(id, id, guild, bot(), body.path("message"), now);
      fake.messages.put(id + "/" + id, starter);
      thread.set("message", starter);
    }
    return json(201, thread);
  }

  private ArrayNode commands() {
    ArrayNode array = FakePayloads.JSON.createArrayNode();
    fake.commands.forEach(array::add);
    return array;
  }

  /**
   * A command as Discord returns it: ids and version added, defaults filled in, and what Discord
   * leaves out left out (false flags, empty localizations), contexts as numbers. The bot must
   * recognise its own commands in this shape to skip re-registering them.
   */
  private ObjectNode registered(ObjectNode c) {
    trim(c);
    for (String list : new String[] {"contexts", "integration_types"}) {
      if (c.has(list)) {
        ArrayNode numbers = FakePayloads.JSON.createArrayNode();
        c.get(list).forEach(x -> numbers.add(x.asInt()));
        c.set(list, numbers);
      }
    }
    c.put("id", fake.nextId()).put("application_id", FakeDiscord.BOT_ID).put("version", fake.nextId());
    if (!c.has("type")) {
      c.put("type", 1);
    }
    if (!c.has("nsfw")) {
      c.put("nsfw", false);
    }
    if (!c.has("default_member_permissions")) {
      c.putNull("default_member_permissions");
    }
    c.put("dm_permission", false);
    return c;
  }

  private static void trim(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("name_localizations");
      o.remove("description_localizations");
      if (!o.path("required").asBoolean(true)) {
        o.remove("required");
      }
      if (!o.path("autocomplete").asBoolean(true)) {
        o.remove("autocomplete");
      }
      o.forEach(FakeRest::trim);
    } else if (node instanceof ArrayNode a) {
      a.forEach(FakeRest::trim);
    }
  }

  private FakeDiscord.Interaction interaction(String token) {
    return fake.interactions.values().stream().filter(i -> i.token().equals(token)).findFirst().orElse(null);
  }

  private ObjectNode bot() {
    return FakePayloads.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true);
  }

  private static MockResponse unknownChannel() {
    return json(404, FakePayloads.error(10003, "Unknown Channel"));
  }

  private static MockResponse unknownWebhook() {
    return json(404, FakePayloads.error(10015, "Unknown Webhook"));
  }

  static MockResponse json(int status, JsonNode body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body(body.toString()).build();
  }
}
