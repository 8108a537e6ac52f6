package io.paperboy.bot.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.slack.FakeSlack;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Which part of which daily post a request through a {@link PlatformProxy} carries, read as the
 * platforms would see it: Slack's message metadata ({@code key}, {@code part}, {@code parts}),
 * Discord's nonce (derived from the outbox row's idempotency key and the part's position).
 */
final class PostParts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern NONCE = java.util.regex.Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]+)\"");

  private PostParts() {}

  /** A post request through a proxy: its channel, and which part of which post it is (-1 when not told). */
  record PostRequest(ChannelRef channel, int part) {}

  /** Discord's nonce of part {@code index} of the post with {@code key}, as the product derives it. */
  static String nonce(String key, int index) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest((key + "#" + index).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash).substring(0, net.dv8tion.jda.api.entities.Message.MAX_NONCE_LENGTH);
  }

  /** What a request through a proxy posts, or null when it is no daily-post part. */
  static PostRequest of(PostgresStores stores, String guild, LocalDate today, PlatformProxy.Exchange e) {
    if (!e.method().equals("POST")) {
      return null;
    }
    try {
      if (e.discord()) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/api/v10/channels/(\\d+)/messages").matcher(e.path());
        if (!m.matches()) {
          return null;
        }
        ChannelRef ref = ChannelRef.of(Platform.DISCORD, guild, m.group(1));
        // JSON, or the payload_json part of a multipart body: the nonce reads the same in both
        java.util.regex.Matcher n = NONCE.matcher(new String(e.body(), StandardCharsets.UTF_8));
        if (!n.find()) {
          return new PostRequest(ref, -1);
        }
        String nonce = n.group(1);
        Optional<Delivery> row = stores.reports().find(new OutboxKey(ref, Kind.DIGEST, today.toString()));
        if (row.isEmpty()) {
          return null;
        }
        String key = Kind.DIGEST.word() + ":" + today + ":" + row.get().id();
        for (int i = 0; i < 4; i++) {
          if (nonce(key, i).equals(nonce)) {
            return new PostRequest(ref, i);
          }
        }
        return new PostRequest(ref, -1);
      }
      if (!e.path().equals("/api/chat.postMessage")) {
        return null;
      }
      Map<String, String> form = form(new String(e.body(), StandardCharsets.UTF_8));
      ChannelRef ref = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, form.getOrDefault("channel", ""));
      String metadata = form.get("metadata");
      int part = metadata == null ? -1 : JSON.readTree(metadata).path("event_payload").path("part").asInt(-1);
      return new PostRequest(ref, part);
    } catch (Exception ex) {
      return null;
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> params = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

}
