package io.paperboy.testkit.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ChannelGateway} over HTTP to the {@link FakePlatform}, behaving as the real adapters
 * are specified to: a message is split into parts (a few paper cards each) posted in order, each
 * with its own key {@link PostOptions#partKey}; Discord-style it sends a nonce derived from the
 * part key with {@code enforce_nonce}; Slack-style it stamps the part key into the message
 * metadata and, when {@link PostOptions#mayHavePosted()}, reads the channel's history first and
 * skips the parts already there.
 */
public final class HttpTestGateway implements ChannelGateway {

  /** Paper cards per posted part: a day's digest becomes several messages. */
  public static final int CARDS_PER_PART = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Platform platform;
  private final String baseUrl;
  private final HttpClient http;
  private final ConsoleRenderer renderer = new ConsoleRenderer();

  /** @param platform DISCORD (nonce dialect) or SLACK (marker and history dialect) */
  public HttpTestGateway(Platform platform, String baseUrl) {
    if (platform == Platform.CONSOLE) {
      throw new IllegalArgumentException("the HTTP fake speaks Discord or Slack");
    }
    this.platform = platform;
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public Platform platform() {
    return platform;
  }

  /** The parts a message is posted as, as text. */
  public List<String> parts(Message message) {
    List<List<Block>> parts = new ArrayList<>();
    List<Block> current = new ArrayList<>();
    int cards = 0;
    for (Block b : message.blocks()) {
      if (b instanceof Block.PaperCard && cards == CARDS_PER_PART) {
        parts.add(current);
        current = new ArrayList<>();
        cards = 0;
      }
      current.add(b);
      if (b instanceof Block.PaperCard) {
        cards++;
      }
    }
    parts.add(current);
    return parts.stream().map(p -> renderer.render(new Message(p, false, Optional.empty()))).toList();
  }

  @Override
  public PostReceipt post(ChannelRef channel, Message message, PostOptions options) throws PostException {
    List<String> parts = parts(message);
    Map<String, String> already = platform == Platform.SLACK && options.mayHavePosted()
        ? slackHistory(channel.channel()) : Map.of();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String key = options.partKey(i);
      if (already.containsKey(key)) {
        ids.add(already.get(key));
        continue;
      }
      ids.add(platform == Platform.DISCORD ? discordPost(channel.channel(), parts.get(i), nonce(key))
          : slackPost(channel.channel(), parts.get(i), key));
    }
    return new PostReceipt(ids);
  }

  /** Discord nonces are at most 25 characters: a hash of the part key. */
  public static String nonce(String partKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(partKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 25);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String discordPost(String channel, String text, String nonce) throws PostException {
    ObjectNode body = JSON.createObjectNode().put("content", text).put("nonce", nonce).put("enforce_nonce", true);
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/discord/channels/" + channel + "/messages"))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    return answer.path("id").asText();
  }

  private String slackPost(String channel, String text, String key) throws PostException {
    ObjectNode body = JSON.createObjectNode().put("channel", channel).put("text", text);
    body.putObject("metadata").put("event_type", "paperboy_post").putObject("event_payload").put("key", key);
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/slack/chat.postMessage"))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    return answer.path("ts").asText();
  }

  private Map<String, String> slackHistory(String channel) throws PostException {
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/slack/conversations.history?channel="
        + URLEncoder.encode(channel, StandardCharsets.UTF_8))).GET());
    Map<String, String> byKey = new HashMap<>();
    for (JsonNode m : answer.path("messages")) {
      String key = m.path("metadata").path("event_payload").path("key").asText("");
      if (!key.isEmpty()) {
        byKey.put(key, m.path("ts").asText());
      }
    }
    return byKey;
  }

  private JsonNode send(HttpRequest.Builder request) throws PostException {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PostException(PostException.Kind.TRANSIENT, "io", "connection failed: " + e, Optional.empty(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostException(PostException.Kind.TRANSIENT, "interrupted", "interrupted", Optional.empty(), e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new PostException(PostException.Kind.TRANSIENT, "http-" + response.statusCode(), "unreadable answer");
    }
    int status = response.statusCode();
    if (status == 429) {
      long millis = (long) (body.path("retry_after").asDouble(1.0) * 1000);
      throw new PostException(PostException.Kind.RATE_LIMITED, "429", "rate limited",
          Optional.of(Duration.ofMillis(millis)), null);
    }
    if (status >= 500) {
      throw new PostException(PostException.Kind.TRANSIENT, "http-" + status, "HTTP " + status);
    }
    if (status == 404 && body.path("code").asInt() == 10003) {
      throw new PostException(PostException.Kind.CHANNEL_GONE, "10003", "Unknown Channel");
    }
    if (status == 403) {
      throw new PostException(PostException.Kind.FORBIDDEN, String.valueOf(body.path("code").asInt()),
          body.path("message").asText());
    }
    if (status >= 400) {
      throw new PostException(PostException.Kind.PERMANENT, "http-" + status, body.toString());
    }
    if (body.has("ok") && !body.path("ok").asBoolean()) {
      String error = body.path("error").asText();
      PostException.Kind kind = switch (error) {
        case "channel_not_found" -> PostException.Kind.CHANNEL_GONE;
        case "not_in_channel", "is_archived" -> PostException.Kind.FORBIDDEN;
        case "ratelimited" -> PostException.Kind.RATE_LIMITED;
        default -> PostException.Kind.PERMANENT;
      };
      throw new PostException(kind, error, "Slack refused: " + error);
    }
    return body;
  }
}
